import { randomUUID } from 'node:crypto';
import { ConsoleLogger } from '@nestjs/common';
import type { LogLevel } from '@nestjs/common';
import { generateSigningKey } from '@interscambio/access';
import { signJwt } from '@interscambio/access/testing';
import type { Jwk, JwtClaims, SigningKey } from '@interscambio/access';
import { forSuite, OutputCapture, secretsIn } from '@interscambio/testing';
import { basicAuthorization, startRegistryTestApp } from '../../../test';
import type { HttpResult, TestClient } from '../../../test';
import { ASSERTION_TYPE } from './client-credentials';

// What the registry writes while it authenticates clients — secrets over HTTP Basic and in the
// body, private_key_jwt assertions, bearer tokens on its API — succeeding and failing: Nest's
// ConsoleLogger at every level, its JSON request lines, and anything else on stdout, stderr or the console. No secret,
// assertion, token or Authorization header may show there, nor in a refusal's problem+json.

const ALL_LEVELS: LogLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];
const grant = { grant_type: 'client_credentials', audience: 'tributi' };

type Result = HttpResult<Record<string, unknown>>;

const now = (): number => Math.floor(Date.now() / 1000);

/** What a refusal shows its caller: headers and body. */
const shown = (results: Result[]): string =>
  results
    .filter((res) => res.status >= 400)
    .map((res) => `${JSON.stringify([...res.headers])}\n${JSON.stringify(res.body)}`)
    .join('\n');

describe('logs without secrets: what the registry writes while it authenticates clients', () => {
  const t = forSuite(() => startRegistryTestApp('reg_logs', { logLevels: ['error', 'warn', 'log'] }));
  let palermo: TestClient;
  let bagheria: TestClient;
  let jwtClientId: string;
  let key: SigningKey;
  let adminToken: string;
  /** Every secret of the test, by name; tokens issued during a test are added as they come. */
  const secrets: Record<string, string> = {};

  const assertion = (changes: JwtClaims = {}, signer: SigningKey = key): string =>
    signJwt(
      { ...signer, kid: key.kid },
      {
        iss: jwtClientId,
        sub: jwtClientId,
        aud: t.issuer,
        iat: now(),
        exp: now() + 120,
        jti: randomUUID(),
        ...changes,
      },
    );
  const withAssertion = (value: string, extra: Record<string, string> = {}): Record<string, string> => ({
    ...grant,
    client_assertion_type: ASSERTION_TYPE,
    client_assertion: value,
    ...extra,
  });

  /** Runs `requests` with everything the process writes captured; keeps the tokens they were given. */
  async function captured(requests: () => Promise<Result[]>): Promise<{ results: Result[]; output: string }> {
    const capture = OutputCapture.start();
    try {
      const results = await requests();
      results.forEach((res, i) => {
        if (typeof res.body['access_token'] === 'string')
          secrets[`token issued by request ${i}`] = res.body['access_token'];
      });
      return { results, output: capture.text };
    } finally {
      capture.stop();
    }
  }

  function keep(name: string, value: string): string {
    secrets[name] = value;
    return value;
  }

  beforeAll(async () => {
    t.app.useLogger(new ConsoleLogger({ logLevels: ALL_LEVELS, colors: false }));
    palermo = await t.createClient({ ente: '082053', scopes: ['records:read', 'records:write'] });
    bagheria = await t.createClient({ ente: '082006', scopes: ['records:read'] });
    adminToken = keep('admin token', await t.adminToken());
    key = await generateSigningKey('ES256');
    const publicKey = { ...(key.publicKey.export({ format: 'jwk' }) as Jwk), kid: key.kid };
    const created = await t.http.post<{ clientId: string }>('/clients', {
      token: adminToken,
      body: {
        ente: '082053',
        name: 'gestionale con chiave',
        scopes: ['records:read'],
        authentication: 'private_key_jwt',
        publicKey,
      },
    });
    jwtClientId = created.body.clientId;
    keep('admin secret', t.admin.clientSecret);
    keep('palermo secret', palermo.clientSecret);
    keep('bagheria secret', bagheria.clientSecret);
    keep('palermo Basic', basicAuthorization(palermo.clientId, palermo.clientSecret));
  });

  it('writes no client secret, with HTTP Basic or in the body, accepted or refused, nor shows one in a refusal', async () => {
    const wrong = keep('a wrong secret', `sbagliato-${randomUUID()}`);
    const raw = keep('raw credentials', Buffer.from(`${palermo.clientId}:${palermo.clientSecret}`).toString('base64'));
    const { results, output } = await captured(async () => [
      await t.http.tokenRequest(grant, { authorization: basicAuthorization(palermo.clientId, palermo.clientSecret) }),
      await t.http.tokenRequest(grant, { authorization: basicAuthorization(palermo.clientId, wrong) }),
      await t.http.tokenRequest(grant, { authorization: basicAuthorization(bagheria.clientId, palermo.clientSecret) }),
      await t.http.tokenRequest({ ...grant, client_id: palermo.clientId, client_secret: palermo.clientSecret }),
      await t.http.tokenRequest({ ...grant, client_id: palermo.clientId, client_secret: wrong }),
      await t.http.tokenRequest({ ...grant, client_id: 'nessuno', client_secret: palermo.clientSecret }),
      await t.http.tokenRequest(
        { ...grant, client_id: palermo.clientId, client_secret: palermo.clientSecret },
        { authorization: basicAuthorization(palermo.clientId, palermo.clientSecret) },
      ),
      await t.http.tokenRequest(grant, { authorization: raw }),
      await t.http.tokenRequest(grant, { authorization: palermo.clientSecret }),
      await t.http.tokenRequest(grant, { authorization: `Basic ${palermo.clientSecret}` }),
      await t.http.tokenRequest(grant, { authorization: `Bearer ${adminToken}` }),
    ]);
    // `Basic <secret>`: the random secret, read as base64, is not `id:secret` (400), unless its bytes
    // happen to hold a colon, and then it names a client nobody has (401). Either way a refusal.
    const secretAsBasic = results[9]?.status === 401 ? 401 : 400;
    expect([400, 401]).toContain(results[9]?.status);
    expect(results.map((res) => res.status)).toEqual([200, 401, 401, 200, 401, 401, 400, 400, 400, secretAsBasic, 400]);
    expect(secretsIn(output, secrets)).toEqual([]);
    expect(secretsIn(shown(results), secrets)).toEqual([]);
  });

  it('writes no client assertion, valid, replayed, forged or expired, nor shows one in a refusal', async () => {
    const valid = keep('valid assertion', assertion());
    const { results, output } = await captured(async () => [
      await t.http.tokenRequest(withAssertion(valid)),
      await t.http.tokenRequest(withAssertion(valid)),
      await t.http.tokenRequest(withAssertion(keep('assertion for another audience', assertion({ aud: 'tributi' })))),
      await t.http.tokenRequest(
        withAssertion(keep('forged assertion', assertion({}, await generateSigningKey('ES256')))),
      ),
      await t.http.tokenRequest(
        withAssertion(keep('expired assertion', assertion({ iat: now() - 400, exp: now() - 100 }))),
      ),
      await t.http.tokenRequest(
        withAssertion(keep('assertion and secret', assertion()), { client_secret: palermo.clientSecret }),
      ),
    ]);
    expect(results.map((res) => res.status)).toEqual([200, 401, 401, 401, 401, 400]);
    expect(secretsIn(output, secrets)).toEqual([]);
    expect(secretsIn(shown(results), secrets)).toEqual([]);
  });

  it('writes no bearer token the registry’s own API accepts or refuses', async () => {
    const forTributi = keep('token for tributi', await t.token(palermo.clientId, palermo.clientSecret, 'tributi'));
    const notAdmin = keep('token without admin', await t.token(palermo.clientId, palermo.clientSecret, 'registry'));
    const expired = keep(
      'expired token',
      await t.sign({
        iss: t.issuer,
        sub: t.admin.clientId,
        client_id: t.admin.clientId,
        aud: 'registry',
        ente: '082000',
        scope: 'admin',
        iat: now() - 700,
        exp: now() - 100,
        jti: randomUUID(),
      }),
    );
    const { results, output } = await captured(async () => [
      await t.http.get('/clients', { token: adminToken }),
      await t.http.get('/clients', { token: forTributi }),
      await t.http.get('/clients', { token: notAdmin }),
      await t.http.get('/clients', { token: expired }),
      await t.http.get('/clients', { headers: { authorization: palermo.clientSecret } }),
    ]);
    expect(results.map((res) => res.status)).toEqual([200, 401, 403, 401, 401]);
    expect(secretsIn(output, secrets)).toEqual([]);
    expect(secretsIn(shown(results), secrets)).toEqual([]);
  });

  it('logs a failure inside the token endpoint with its correlation id, and no secret or assertion of the request', async () => {
    // Tables of the test's own schema, renamed for one request each: the failures nobody foresaw,
    // which reach the one place that logs a request.
    const broken = async (table: string, request: () => Promise<Result>): Promise<Result> => {
      await t.sql.query(`alter table ${table} rename to ${table}_fuori_uso`);
      try {
        return await request();
      } finally {
        await t.sql.query(`alter table ${table}_fuori_uso rename to ${table}`);
      }
    };
    const valid = keep('assertion of the failing request', assertion());
    const { results, output } = await captured(async () => [
      await broken('api_client', () =>
        t.http.tokenRequest({ ...grant, client_id: palermo.clientId, client_secret: palermo.clientSecret }),
      ),
      await broken('used_assertion', () => t.http.tokenRequest(withAssertion(valid))),
    ]);
    expect(results.map((res) => [res.status, res.body['code']])).toEqual([
      [500, 'internal-error'],
      [500, 'internal-error'],
    ]);
    for (const res of results) expect(output).toContain(res.headers.get('x-correlation-id'));
    expect(secretsIn(output, secrets)).toEqual([]);
    expect(secretsIn(shown(results), secrets)).toEqual([]);
  });
});
