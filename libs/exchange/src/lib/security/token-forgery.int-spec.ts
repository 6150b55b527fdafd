import { randomUUID } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { importPublicJwk } from '@interscambio/access';
import type { Jwk } from '@interscambio/access';
import { hmacWithPublicKey, unsignedToken, withPayload } from '@interscambio/access/testing';
import { forgedClaims, ForgingJwks, withoutClaim } from '../../../test/forging-jwks';
import { startProvaTestApp } from '../../../test/prova-test-app';
import type { ThemeTestApp } from '../../../test/theme-test-app';
import { PROVA_BASE } from '../../../test/prova-theme';

// The forgeries of issue 13 that authentication.int-spec.ts does not already drive through HTTP
// (expired, nbf, iat, lifetime, wrong issuer, a foreign key on a known kid, alg none): key
// confusion, header injection, every missing claim, other audiences, a payload swapped under a
// genuine signature. Each must be a 401 naming its reason, and none may make the service fetch.

const INVALID_TOKEN_CHALLENGE = /^Bearer realm="interscambio", error="invalid_token", error_description="[^"]+"$/;

describe('token forgeries: refused with the reason named, and never a URL fetched from a token', () => {
  let forging: ForgingJwks;
  let attacker: ForgingJwks;
  let t: ThemeTestApp;
  /** The registry's (here the TestIssuer's) public key and its kid, as anyone reads them from the JWKS. */
  let issuerKid: string;
  let issuerKey: KeyObject;

  beforeAll(async () => {
    forging = await ForgingJwks.start();
    attacker = await ForgingJwks.start();
    t = await startProvaTestApp('access_forgery', { env: { TOKEN_JWKS_URL: forging.jwksUrl } });
    forging.upstream = t.issuer.jwksUrl;
    const { keys } = (await (await fetch(t.issuer.jwksUrl)).json()) as { keys: Jwk[] };
    const published = keys[0] as Jwk;
    issuerKid = published.kid as string;
    issuerKey = importPublicJwk(published);
  });

  afterAll(async () => {
    await t.close();
    await attacker.stop();
    await forging.stop();
  });

  const attackerUrl = (): string => attacker.jwksUrl.replace('/.well-known/jwks.json', '/chiavi.json');
  const genuine = (): string =>
    t.issuer.token({ ente: '082053', scopes: ['records:read', 'records:write'], audience: 'prova' });

  const forgeries: [string, string, () => string][] = [
    [
      'algorithm-not-allowed',
      'alg "None"',
      () => unsignedToken({ alg: 'None', typ: 'at+jwt', kid: issuerKid }, forgedClaims()),
    ],
    [
      'algorithm-not-allowed',
      'alg "NONE"',
      () => unsignedToken({ alg: 'NONE', typ: 'at+jwt', kid: issuerKid }, forgedClaims()),
    ],
    [
      'algorithm-not-allowed',
      'alg none keeping a genuine signature',
      () => {
        const [, , signature] = genuine().split('.');
        return `${unsignedToken({ alg: 'none', typ: 'at+jwt', kid: issuerKid }, forgedClaims())}${signature}`;
      },
    ],
    ...(['pem', 'der', 'jwk'] as const).map((form): [string, string, () => string] => [
      'algorithm-not-allowed',
      `HS256 keyed with the JWKS public key as ${form}`,
      () => hmacWithPublicKey({ typ: 'at+jwt', kid: issuerKid }, forgedClaims(), issuerKey, form),
    ]),
    ['unknown-key', 'an unknown kid', () => attacker.sign(forgedClaims(), { kid: 'chiave-sconosciuta' })],
    [
      'unknown-key',
      'a kid with path traversal',
      () => attacker.sign(forgedClaims(), { kid: '../../../../etc/passwd' }),
    ],
    ['unknown-key', 'a kid naming a device', () => attacker.sign(forgedClaims(), { kid: '/dev/null' })],
    ['unknown-key', 'a kid with SQL', () => attacker.sign(forgedClaims(), { kid: "' OR '1'='1' --" })],
    [
      'unknown-key',
      'a kid with a UNION',
      () => attacker.sign(forgedClaims(), { kid: "x' UNION SELECT kid FROM keys --" }),
    ],
    ['unknown-key', 'a kid that is a URL', () => attacker.sign(forgedClaims(), { kid: attackerUrl() })],
    ['unknown-key', 'jku to the attacker’s JWKS', () => attacker.sign(forgedClaims(), { jku: attackerUrl() })],
    [
      'bad-signature',
      'jku with the JWKS kid',
      () => attacker.sign(forgedClaims(), { jku: attackerUrl(), kid: issuerKid }),
    ],
    ['unknown-key', 'x5u to the attacker’s certificate', () => attacker.sign(forgedClaims(), { x5u: attackerUrl() })],
    [
      'bad-signature',
      'x5u with the JWKS kid',
      () => attacker.sign(forgedClaims(), { x5u: attackerUrl(), kid: issuerKid }),
    ],
    ['unknown-key', 'an embedded jwk', () => attacker.sign(forgedClaims(), { jwk: attacker.publicJwk() })],
    [
      'bad-signature',
      'an embedded jwk with the JWKS kid',
      () => attacker.sign(forgedClaims(), { jwk: { ...attacker.publicJwk(), kid: issuerKid }, kid: issuerKid }),
    ],
    [
      'malformed',
      'an embedded jwk and no kid',
      () => attacker.sign(forgedClaims(), { jwk: attacker.publicJwk(), kid: undefined }),
    ],
    [
      'bad-signature',
      'x5c with the JWKS kid',
      () => attacker.sign(forgedClaims(), { x5c: ['MIIBIjANBgkq'], kid: issuerKid }),
    ],
    [
      'bad-signature',
      'a genuine signature under another ente',
      () => withPayload(genuine(), forgedClaims({ ente: '082006' })),
    ],
    ['wrong-audience', 'a token for the registry', () => forging.sign(forgedClaims({ aud: 'registry' }))],
    [
      'wrong-audience',
      'a token for two other services',
      () => forging.sign(forgedClaims({ aud: ['tributi', 'sociale'] })),
    ],
    ...['iss', 'aud', 'exp', 'iat', 'client_id', 'scope', 'jti', 'ente'].map((name): [string, string, () => string] => [
      'missing-claim',
      `a token without "${name}"`,
      () => forging.sign(withoutClaim(name)),
    ]),
    ['malformed', 'a token without "sub"', () => forging.sign(withoutClaim('sub'))],
  ];

  it.each(forgeries)('refuses %s: %s, with 401 and nothing stored', async (reason, _, forge) => {
    const key = `falso-${randomUUID()}`;
    const res = await t.app.inject({
      method: 'PUT',
      url: `${PROVA_BASE}/records/pratica/082053/${key}`,
      headers: { authorization: `Bearer ${forge()}` },
      payload: { anno: 2024 },
    });
    expect({ status: res.statusCode, code: res.json<{ code: string }>().code }).toEqual({
      status: 401,
      code: `token-${reason}`,
    });
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['www-authenticate']).toMatch(INVALID_TOKEN_CHALLENGE);
    const { rows } = await t.sql.query('select 1 from record where key = $1', [key]);
    expect(rows).toEqual([]);
  });

  it('keeps a kid carrying CR LF out of the answer’s headers: one challenge line, no header of the attacker’s', async () => {
    const token = attacker.sign(forgedClaims(), { kid: 'x"\r\nSet-Cookie: sessione=rubata\r\nX-Iniettato: 1' });
    const res = await t.app.inject({
      method: 'GET',
      url: `${PROVA_BASE}/records/pratica`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(INVALID_TOKEN_CHALLENGE);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['x-iniettato']).toBeUndefined();
  });

  it('fetched keys only from its own JWKS: never from a jku, x5u or kid URL of a token', () => {
    expect(attacker.requests).toEqual([]);
    expect(forging.requests.length).toBeGreaterThan(0);
    expect(new Set(forging.requests)).toEqual(new Set(['/.well-known/jwks.json']));
  });

  it('still accepts a genuine token afterwards (the refusals above are about the forgeries)', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `${PROVA_BASE}/records/pratica/082053/autentico`,
      headers: { authorization: `Bearer ${genuine()}` },
      payload: { anno: 2024 },
    });
    expect(res.statusCode).toBe(201);
  });
});
