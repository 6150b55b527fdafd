import { generateSigningKey, type SigningKey } from '@interscambio/access';
import { signJwt } from '@interscambio/access/testing';
import { forSuite } from '@interscambio/testing';
import { epochSeconds, forgedClaims, ForgingJwks, withoutClaim } from '../../../test/forging-jwks';
import { startProvaTestApp } from '../../../test/prova-test-app';
import type { ThemeTestApp } from '../../../test/theme-test-app';
import { PROVA_BASE } from '../../../test/prova-theme';

const PROBLEM = 'application/problem+json';
const INVALID_TOKEN_CHALLENGE = /^Bearer realm="interscambio", error="invalid_token", error_description="[^"]+"$/;

type Method = 'GET' | 'PUT' | 'DELETE' | 'POST';

/** Every route that is not @Public(), with a body it would accept from the right caller. */
const PROTECTED: { method: Method; url: string; payload?: Record<string, unknown> }[] = [
  { method: 'GET', url: `${PROVA_BASE}/records/avviso/082053/senza-token` },
  { method: 'PUT', url: `${PROVA_BASE}/records/avviso/082053/senza-token`, payload: { anno: 2024 } },
  { method: 'DELETE', url: `${PROVA_BASE}/records/avviso/082053/senza-token` },
  { method: 'GET', url: `${PROVA_BASE}/records/avviso` },
  {
    method: 'POST',
    url: `${PROVA_BASE}/records/avviso/batch`,
    payload: { items: [{ ente: '082053', key: 'senza-token', data: { anno: 2024 } }] },
  },
  { method: 'GET', url: `${PROVA_BASE}/feed` },
  { method: 'GET', url: `${PROVA_BASE}/audit?record=avviso/082053/senza-token` },
  { method: 'GET', url: `${PROVA_BASE}/audit/verify` },
];

const PUBLIC = ['/status', '/types', '/schemas/avviso/1', '/openapi.json', '/docs'];

async function storedRows(t: ThemeTestApp, key: string): Promise<number> {
  const { rows } = await t.sql.query<{ n: number }>('select count(*)::int as n from record where key = $1', [key]);
  return rows[0]?.n ?? 0;
}

describe('authentication: a bearer token of the registry on every route but the public ones', () => {
  let forging: ForgingJwks;
  let t: ThemeTestApp;
  let stray: SigningKey;

  beforeAll(async () => {
    forging = await ForgingJwks.start();
    stray = await generateSigningKey('ES256');
    t = await startProvaTestApp('access_authn', { env: { TOKEN_JWKS_URL: forging.jwksUrl } });
    // Keys are fetched on the first token: by then the service sees the TestIssuer's and the forging key.
    forging.upstream = t.issuer.jwksUrl;
  });

  afterAll(async () => {
    await t.close();
    await forging.stop();
  });

  const valid = { ente: '082053', scopes: ['records:read', 'records:write'], audience: 'prova' };

  it.each(PUBLIC)('answers the public route %s without a token', async (path) => {
    const res = await t.app.inject({ method: 'GET', url: `${PROVA_BASE}${path}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['www-authenticate']).toBeUndefined();
  });

  it('refuses every other route without a token: 401 token-missing with a Bearer challenge, nothing stored', async () => {
    for (const route of PROTECTED) {
      const res = await t.app.inject(route);
      expect({ route: `${route.method} ${route.url}`, status: res.statusCode }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
      });
      expect(res.headers['content-type']).toContain(PROBLEM);
      expect(res.json()).toMatchObject({ status: 401, code: 'token-missing' });
      expect(res.headers['www-authenticate']).toBe('Bearer realm="interscambio"');
    }
    expect(await storedRows(t, 'senza-token')).toBe(0);
  });

  it.each(['Basic MDgyMDUzOnNlZ3JldG8=', 'Bearer', 'Token abc.def.ghi'])(
    'takes an Authorization header "%s" for no token at all: 401 token-missing',
    async (authorization) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `${PROVA_BASE}/records/avviso`,
        headers: { authorization },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'token-missing' });
      expect(res.headers['www-authenticate']).toBe('Bearer realm="interscambio"');
    },
  );

  it('answers a tokenless PUT with 401 token-missing, counted by address, even when its body is not JSON (authentication before the body)', async () => {
    const bodies = [
      { contentType: 'application/json', payload: '{"anno": 20' },
      { contentType: 'text/plain', payload: 'anno=2024' },
    ];
    const answers: unknown[] = [];
    for (const { contentType, payload } of bodies) {
      const res = await t.app.inject({
        method: 'PUT',
        url: `${PROVA_BASE}/records/avviso/082053/corpo-illeggibile`,
        headers: { 'content-type': contentType },
        payload,
      });
      answers.push({
        contentType,
        status: res.statusCode,
        code: res.json<{ code: string }>().code,
        rateLimited: res.headers['x-ratelimit-limit'],
      });
    }
    expect(answers).toEqual(
      bodies.map(({ contentType }) => ({ contentType, status: 401, code: 'token-missing', rateLimited: '1200' })),
    );
  });

  it('accepts a token the test signs itself when its claims are sound (the forged refusals below are about their claims)', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `${PROVA_BASE}/records/avviso/082053/firmato-in-casa`,
      headers: { authorization: `Bearer ${forging.sign(forgedClaims())}` },
      payload: { anno: 2024 },
    });
    expect(res.statusCode).toBe(201);
  });

  const refusals: [string, string, () => string][] = [
    ['malformed', 'a token that is not a JWT', () => 'not-a-jwt'],
    ['malformed', 'a token without kid', () => t.issuer.token(valid, { omitKid: true })],
    ['wrong-type', 'an ID token (typ JWT)', () => t.issuer.token(valid, { typ: 'JWT' })],
    ['algorithm-not-allowed', 'an unsigned token (alg none)', () => t.issuer.token(valid, { alg: 'none' })],
    ['unknown-key', 'a kid the JWKS does not publish', () => signJwt(stray, forgedClaims(), 'at+jwt')],
    ['bad-signature', 'a foreign key claiming the JWKS kid', () => t.issuer.token(valid, { signer: 'foreign' })],
    ['wrong-issuer', 'another issuer', () => t.issuer.token({ ...valid, issuer: 'urn:interscambio:altro' })],
    ['wrong-audience', 'a token for tributi', () => t.issuer.token({ ...valid, audience: 'tributi' })],
    ['expired', 'a token expired two minutes ago', () => t.issuer.token({ ...valid, expiresInSeconds: -120 })],
    ['not-yet-valid', 'nbf ten minutes ahead', () => forging.sign(forgedClaims({ nbf: epochSeconds() + 600 }))],
    [
      'issued-in-future',
      'iat five minutes ahead',
      () => forging.sign(forgedClaims({ iat: epochSeconds() + 300, exp: epochSeconds() + 400 })),
    ],
    ['lifetime-too-long', 'a token living an hour', () => t.issuer.token({ ...valid, expiresInSeconds: 3600 })],
    ['missing-claim', 'a token naming no ente', () => forging.sign(withoutClaim('ente'))],
  ];

  it.each(refusals)(
    'refuses a token that does not verify as token-%s (%s) with an invalid_token challenge, nothing stored',
    async (reason, _, token) => {
      const key = `rifiutato-${reason}`;
      const res = await t.app.inject({
        method: 'PUT',
        url: `${PROVA_BASE}/records/avviso/082053/${key}`,
        headers: { authorization: `Bearer ${token()}` },
        payload: { anno: 2024 },
      });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain(PROBLEM);
      expect(res.json()).toMatchObject({ status: 401, code: `token-${reason}` });
      expect(res.headers['www-authenticate']).toMatch(INVALID_TOKEN_CHALLENGE);
      expect(await storedRows(t, key)).toBe(0);
    },
  );
});

describe('rate limits: per client, by address before a token verifies', () => {
  const t = forSuite(() => startProvaTestApp('access_rate'));

  const list = (authorization?: string): ReturnType<ThemeTestApp['app']['inject']> =>
    t.app.inject({
      method: 'GET',
      url: `${PROVA_BASE}/records/avviso`,
      headers: authorization ? { authorization } : {},
    });
  const bearer = (clientId: string, rateLimit?: number, scopes = ['records:read', 'records:write']): string =>
    `Bearer ${t.issuer.token({ ente: '082053', scopes, audience: 'prova', clientId, rateLimit })}`;
  const windowReset = (value: unknown): number => {
    const seconds = Number(value);
    expect(Number.isInteger(seconds) && seconds >= 1 && seconds <= 60).toBe(true);
    return seconds;
  };

  it('gives a token without rate_limit the service default of 1200 a minute, in headers on every answer', async () => {
    const authorization = bearer('client-default');
    const first = await list(authorization);
    const second = await list(authorization);
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-ratelimit-limit']).toBe('1200');
    expect(first.headers['x-ratelimit-remaining']).toBe('1199');
    expect(second.headers['x-ratelimit-remaining']).toBe('1198');
    windowReset(first.headers['x-ratelimit-reset']);
    // A refusal after the token verified is counted and labelled the same way.
    const forbidden = await t.app.inject({
      method: 'PUT',
      url: `${PROVA_BASE}/records/avviso/082053/k`,
      headers: { authorization: bearer('client-default', undefined, ['records:read']) },
      payload: { anno: 2024 },
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.headers['x-ratelimit-remaining']).toBe('1197');
  });

  it('holds a client to the rate_limit of its token: 429 rate-limited with Retry-After past it, nothing stored', async () => {
    const authorization = bearer('client-tre', 3);
    const remaining: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await list(authorization);
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-ratelimit-limit']).toBe('3');
      remaining.push(res.headers['x-ratelimit-remaining']);
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const over = await t.app.inject({
      method: 'PUT',
      url: `${PROVA_BASE}/records/avviso/082053/oltre-il-limite`,
      headers: { authorization },
      payload: { anno: 2024 },
    });
    expect(over.statusCode).toBe(429);
    expect(over.headers['content-type']).toContain(PROBLEM);
    expect(over.json()).toMatchObject({ status: 429, code: 'rate-limited' });
    expect(windowReset(over.headers['retry-after'])).toBeLessThanOrEqual(
      windowReset(over.headers['x-ratelimit-reset']),
    );
    expect(over.headers['x-ratelimit-limit']).toBe('3');
    expect(over.headers['x-ratelimit-remaining']).toBe('0');
    expect(await storedRows(t, 'oltre-il-limite')).toBe(0);
  });

  it('counts clients apart: another client of the same ente is not slowed by one at its limit', async () => {
    const exhausted = bearer('client-esaurito', 1);
    expect((await list(exhausted)).statusCode).toBe(200);
    expect((await list(exhausted)).statusCode).toBe(429);
    const other = await list(bearer('client-vicino', 1));
    expect(other.statusCode).toBe(200);
    expect(other.headers['x-ratelimit-remaining']).toBe('0');
  });

  it('counts callers without a valid token by address, labelling the 401s with the headers too', async () => {
    const a = await list();
    const b = await list(
      `Bearer ${t.issuer.token({ ente: '082053', scopes: ['records:read'], audience: 'prova' }, { signer: 'foreign' })}`,
    );
    const c = await list('Basic eHg6eXk=');
    for (const res of [a, b, c]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['x-ratelimit-limit']).toBe('1200');
      windowReset(res.headers['x-ratelimit-reset']);
    }
    // One counter, whatever client a bad token claims to be.
    const left = Number(a.headers['x-ratelimit-remaining']);
    expect([b, c].map((r) => Number(r.headers['x-ratelimit-remaining']))).toEqual([left - 1, left - 2]);
  });
});

describe('rate limits: the service default from RATE_LIMIT_PER_MINUTE, for addresses and clients alike', () => {
  const t = forSuite(() => startProvaTestApp('access_rate_low', { env: { RATE_LIMIT_PER_MINUTE: '3' } }));

  it('answers 429 rate-limited instead of 401 once an address has spent its tokenless requests, yet serves a valid client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({ method: 'GET', url: `${PROVA_BASE}/feed` });
      statuses.push(res.statusCode);
      expect(res.headers['x-ratelimit-limit']).toBe('3');
    }
    expect(statuses).toEqual([401, 401, 401]);
    const over = await t.app.inject({ method: 'GET', url: `${PROVA_BASE}/feed` });
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({ code: 'rate-limited' });
    expect(Number(over.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    const client = await t.app.inject({
      method: 'GET',
      url: `${PROVA_BASE}/feed`,
      headers: t.as('082053', ['records:read']),
    });
    expect(client.statusCode).toBe(200);
    expect(client.headers['x-ratelimit-limit']).toBe('3');
    expect(client.headers['x-ratelimit-remaining']).toBe('2');
  });

  it('counts callers behind the local gateway by the address it forwards, not by the gateway’s', async () => {
    const from = (address: string): Promise<number> =>
      t.app
        .inject({ method: 'GET', url: `${PROVA_BASE}/feed`, headers: { 'x-forwarded-for': address } })
        .then((res) => res.statusCode);
    for (let i = 0; i < 3; i++) expect(await from('203.0.113.7')).toBe(401);
    expect(await from('203.0.113.7')).toBe(429);
    expect(await from('203.0.113.8')).toBe(401);
  });
});
