import { generateKeyPairSync } from 'node:crypto';
import { JwksClient, TokenVerifier } from '@interscambio/access';
import { forSuite } from '@interscambio/testing';
import { basicAuthorization, startRegistryTestApp } from '../../../test';
import type { HttpResult, TestClient } from '../../../test';

interface Problem {
  status: number;
  code: string;
  detail: string;
  error: string;
  error_description: string;
}

interface Granted {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
}

function expectRefusal(res: HttpResult<Problem>, status: number, code: string, error: string, detail: RegExp): void {
  expect({ status: res.status, code: res.body.code, error: res.body.error }).toEqual({ status, code, error });
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body.detail).toMatch(detail);
  expect(res.body.error_description).toMatch(/^[\x20-\x21\x23-\x5b\x5d-\x7e]+$/);
  expect(res.headers.get('www-authenticate')).toBe(status === 401 ? 'Basic realm="interscambio"' : null);
}

describe('tokens for client_secret clients', () => {
  const t = forSuite(() => startRegistryTestApp('reg_secret'));
  let verifier: (audience: string) => TokenVerifier;
  let palermo: TestClient;
  const grant = { grant_type: 'client_credentials', audience: 'tributi' };
  const basic = (client: TestClient): Record<string, string> => ({
    authorization: basicAuthorization(client.clientId, client.clientSecret),
  });

  beforeAll(async () => {
    const keys = new JwksClient({ url: t.jwksUrl });
    verifier = (audience) => new TokenVerifier({ keys, issuer: t.issuer, audience });
    palermo = await t.createClient({ ente: '082053', scopes: ['records:read', 'records:write'], rateLimit: 600 });
  });

  describe('issued', () => {
    it('to client_secret_basic: an RFC 9068 token that verifies against the JWKS over HTTP', async () => {
      const res = await t.http.tokenRequest<Granted>(grant, basic(palermo));
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 600, scope: 'records:read records:write' });
      const [header] = res.body.access_token.split('.');
      expect(JSON.parse(Buffer.from(header as string, 'base64url').toString())).toMatchObject({
        alg: 'ES256',
        typ: 'at+jwt',
      });
      const token = await verifier('tributi').verify(res.body.access_token);
      expect(token).toMatchObject({
        clientId: palermo.clientId,
        ente: '082053',
        audience: ['tributi'],
        rateLimit: 600,
      });
      expect([...token.scopes]).toEqual(['records:read', 'records:write']);
      expect(token.expiresAt.getTime() - token.issuedAt.getTime()).toBe(600_000);
    });

    it('to client_secret_post, for several audiences and a subset of the scopes', async () => {
      const res = await t.http.tokenRequest<Granted>({
        grant_type: 'client_credentials',
        client_id: palermo.clientId,
        client_secret: palermo.clientSecret,
        audience: 'tributi sociale',
        scope: 'records:read',
      });
      expect(res.status).toBe(200);
      expect(res.body.scope).toBe('records:read');
      const token = await verifier('sociale').verify(res.body.access_token);
      expect(token.audience).toEqual(['tributi', 'sociale']);
      expect([...token.scopes]).toEqual(['records:read']);
    });

    it('with id and secret form-urlencoded inside HTTP Basic (RFC 6749 §2.3.1)', async () => {
      const authorization = `Basic ${Buffer.from(`${encodeURIComponent(palermo.clientId)}:${palermo.clientSecret}`).toString('base64')}`;
      expect((await t.http.tokenRequest(grant, { authorization })).status).toBe(200);
    });
  });

  it('stores the secret only as a scrypt hash, and never shows it or its hash again', async () => {
    const { rows } = await t.sql.query('select * from api_client where id = $1', [palermo.clientId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].secret_hash).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(rows[0])).not.toContain(palermo.clientSecret);
    const view = await t.http.get(`/clients/${palermo.clientId}`, { token: t.adminBearer });
    expect(view.status).toBe(200);
    expect(JSON.stringify(view.body)).not.toMatch(/scrypt|secretHash|clientSecret/);
    expect(JSON.stringify(view.body)).not.toContain(palermo.clientSecret);
  });

  it('keeps the previous secret working through the grace period of a rotation, then refuses it by name', async () => {
    const client = await t.createClient({ ente: '082006', scopes: ['records:read'] });
    const before = Date.now();
    const rotated = await t.http.post<{ clientSecret: string; previousSecretValidUntil: string }>(
      `/clients/${client.clientId}/secret`,
      { token: t.adminBearer, body: { graceSeconds: 3600 } },
    );
    expect(rotated.status).toBe(201);
    expect(rotated.body.clientSecret).not.toBe(client.clientSecret);
    const validUntil = Date.parse(rotated.body.previousSecretValidUntil);
    expect(validUntil).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(validUntil).toBeLessThanOrEqual(Date.now() + 3_600_000);
    const fresh = { clientId: client.clientId, clientSecret: rotated.body.clientSecret };
    expect((await t.http.tokenRequest(grant, basic(client))).status).toBe(200);
    expect((await t.http.tokenRequest(grant, basic(fresh))).status).toBe(200);

    // The hour passes: the grace period's end is moved into the past rather than waited for.
    await t.sql.query("update api_client set previous_secret_expires_at = now() - interval '1 second' where id = $1", [
      client.clientId,
    ]);
    expectRefusal(
      await t.http.tokenRequest<Problem>(grant, basic(client)),
      401,
      'wrong-client-secret',
      'invalid_client',
      /previous secret of client ".*", replaced at .*; it stopped working at /,
    );
    expect((await t.http.tokenRequest(grant, basic(fresh))).status).toBe(200);
  });

  it('refuses a wrong secret with 401, a Basic challenge and the OAuth error, never echoing the secret', async () => {
    const res = await t.http.tokenRequest<Problem>(grant, basic({ ...palermo, clientSecret: 'not-the-secret' }));
    expectRefusal(
      res,
      401,
      'wrong-client-secret',
      'invalid_client',
      /does not match the current secret of client ".*", set at \d{4}-/,
    );
    expect(JSON.stringify(res.body)).not.toContain('not-the-secret');
  });

  it('answers an Italian caller in Italian, while error_description stays the English, ASCII sentence', async () => {
    const res = await t.http.tokenRequest<Problem & { title: string }>(grant, {
      ...basic({ ...palermo, clientSecret: 'not-the-secret' }),
      'accept-language': 'it-IT,it;q=0.9,en;q=0.5',
    });
    expectRefusal(res, 401, 'wrong-client-secret', 'invalid_client', /non corrisponde a quello attuale del client/);
    expect(res.body.title).toBe('Autenticazione del client non riuscita');
    expect(res.headers.get('content-language')).toBe('it');
    expect(res.body.error_description).toMatch(/^The secret does not match the current secret of client /);
  });

  it('refuses the clients of a disabled ente until it is enabled again', async () => {
    const bagheria = await t.createClient({ ente: '082006', scopes: ['records:read'] });
    expect((await t.http.patch('/enti/082006', { token: t.adminBearer, body: { enabled: false } })).status).toBe(200);
    expectRefusal(
      await t.http.tokenRequest<Problem>(grant, basic(bagheria)),
      400,
      'ente-disabled',
      'unauthorized_client',
      /Ente 082006 \(Bagheria\), for which client ".*" acts, is disabled/,
    );
    expect((await t.http.patch('/enti/082006', { token: t.adminBearer, body: { enabled: true } })).status).toBe(200);
    expect((await t.http.tokenRequest(grant, basic(bagheria))).status).toBe(200);
  });

  it('refuses a revoked client, and says that tokens already issued expire within the token lifetime', async () => {
    const client = await t.createClient({ ente: '082001', scopes: ['records:read'] });
    const revoked = await t.http.post<{ revokedAt: string; note: string }>(`/clients/${client.clientId}/revoke`, {
      token: t.adminBearer,
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.note).toMatch(/stay valid until they expire, at most 600 s/);
    expectRefusal(
      await t.http.tokenRequest<Problem>(grant, basic(client)),
      401,
      'client-revoked',
      'invalid_client',
      new RegExp(`Client "${client.clientId}" was revoked at ${revoked.body.revokedAt}`),
    );
  });

  it('refuses a scope the client does not have, naming it and the client’s scopes', async () => {
    const res = await t.http.tokenRequest<Problem>({ ...grant, scope: 'records:read admin' }, basic(palermo));
    expectRefusal(
      res,
      400,
      'invalid-scope',
      'invalid_scope',
      /may not have scope admin; its scopes are records:read records:write/,
    );
    const unknown = await t.http.tokenRequest<Problem>({ ...grant, scope: 'everything' }, basic(palermo));
    expectRefusal(unknown, 400, 'invalid-scope', 'invalid_scope', /"everything" is not a scope of this platform/);
  });

  it('refuses a missing or unknown audience, listing the known ones', async () => {
    expectRefusal(
      await t.http.tokenRequest<Problem>({ grant_type: 'client_credentials' }, basic(palermo)),
      400,
      'missing-audience',
      'invalid_request',
      /no audience: name the service the token is for \(registry, .*tributi/,
    );
    expectRefusal(
      await t.http.tokenRequest<Problem>({ ...grant, audience: 'tributi catasto' }, basic(palermo)),
      400,
      'unknown-audience',
      'invalid_target',
      /"catasto" is not a service of this platform; the audiences are registry, .*sociale/,
    );
  });

  it('refuses other grants, a missing grant and repeated parameters', async () => {
    expectRefusal(
      await t.http.tokenRequest<Problem>({ ...grant, grant_type: 'password' }, basic(palermo)),
      400,
      'unsupported-grant-type',
      'unsupported_grant_type',
      /grant_type "password" is not supported: .* only for client_credentials/,
    );
    expectRefusal(
      await t.http.tokenRequest<Problem>({ audience: 'tributi' }, basic(palermo)),
      400,
      'missing-grant-type',
      'invalid_request',
      /no grant_type; it must be client_credentials/,
    );
    expectRefusal(
      await t.http.tokenRequest<Problem>(
        'grant_type=client_credentials&audience=tributi&audience=sociale',
        basic(palermo),
      ),
      400,
      'repeated-parameter',
      'invalid_request',
      /audience is sent more than once/,
    );
  });

  it('refuses a request that authenticates no client, or more than one way', async () => {
    expectRefusal(
      await t.http.tokenRequest<Problem>(grant),
      401,
      'missing-client-authentication',
      'invalid_client',
      /does not authenticate a client: use HTTP Basic/,
    );
    expectRefusal(
      await t.http.tokenRequest<Problem>({ ...grant, client_id: palermo.clientId }),
      401,
      'missing-client-authentication',
      'invalid_client',
      /names client_id ".*" but proves nothing/,
    );
    expectRefusal(
      await t.http.tokenRequest<Problem>({ ...grant, client_secret: palermo.clientSecret }, basic(palermo)),
      400,
      'multiple-client-authentication',
      'invalid_request',
      /authenticates the client in 2 ways \(HTTP Basic \(the Authorization header\), client_secret in the body\)/,
    );
    expectRefusal(
      await t.http.tokenRequest<Problem>(grant, { authorization: 'Basic bm9jb2xvbg==' }),
      400,
      'malformed-client-authentication',
      'invalid_request',
      /not `<client id>:<client secret>`/,
    );
    expectRefusal(
      await t.http.tokenRequest<Problem>({ ...grant, client_id: 'someone-else' }, basic(palermo)),
      400,
      'client-id-mismatch',
      'invalid_request',
      /HTTP Basic names client ".*" but the body's client_id is "someone-else"/,
    );
  });

  it('refuses an unknown client and a secret for a client that uses private_key_jwt', async () => {
    expectRefusal(
      await t.http.tokenRequest<Problem>(grant, basic({ clientId: 'nobody', clientSecret: 'x' })),
      401,
      'unknown-client',
      'invalid_client',
      /No client has the id "nobody"/,
    );
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const created = await t.http.post<{ clientId: string }>('/clients', {
      token: t.adminBearer,
      body: {
        ente: '082053',
        name: 'jwt client',
        scopes: ['records:read'],
        authentication: 'private_key_jwt',
        publicKey: publicKey.export({ format: 'jwk' }),
      },
    });
    expect(created.status).toBe(201);
    expectRefusal(
      await t.http.tokenRequest<Problem>({ ...grant, client_id: created.body.clientId, client_secret: 'guess' }),
      401,
      'client-has-no-secret',
      'invalid_client',
      /has no secret: it authenticates with private_key_jwt/,
    );
  });

  it('takes only application/x-www-form-urlencoded, naming it in a 415', async () => {
    const json = await fetch(`${t.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...basic(palermo) },
      body: JSON.stringify(grant),
    });
    expect(json.status).toBe(415);
    expect(await json.json()).toMatchObject({
      code: 'unsupported-media-type',
      error: 'invalid_request',
      detail: expect.stringContaining(
        "takes application/x-www-form-urlencoded (RFC 6749 §4.4); the request's body is application/json",
      ),
    });
    const text = await fetch(`${t.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(text.status).toBe(415);
    expect(((await text.json()) as Problem).detail).toContain('body is text/plain');
  });

  it('limits token requests per client, with Retry-After', async () => {
    const limited = await t.createClient({ ente: '082002', scopes: ['records:read'], rateLimit: 2 });
    expect((await t.http.tokenRequest(grant, basic(limited))).status).toBe(200);
    expect((await t.http.tokenRequest(grant, basic(limited))).status).toBe(200);
    const res = await t.http.tokenRequest<Problem>(grant, basic(limited));
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ code: 'rate-limited', error: 'temporarily_unavailable' });
    expect(res.body.detail).toMatch(/may request 2 tokens every 60 s; try again in \d+ s/);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
