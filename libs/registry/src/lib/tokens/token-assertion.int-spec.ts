import { constants, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { RequestContext } from '@mikro-orm/core';
import { calculateJwkThumbprint } from 'jose';
import { JwksClient, TokenVerifier } from '@interscambio/access';
import type { Jwk } from '@interscambio/access';
import { forSuite } from '@interscambio/testing';
import { basicAuthorization, startRegistryTestApp } from '../../../test';
import type { HttpResult } from '../../../test';
import { RegistryDatabase } from '../storage/registry.database';
import { UsedAssertions } from './used-assertions';

interface Problem {
  code: string;
  detail: string;
  error: string;
}

type Alg = 'ES256' | 'EdDSA' | 'RS256' | 'PS256' | 'HS256';

interface Signer {
  alg: Alg;
  kid?: string;
  privateKey: KeyObject;
}

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A client assertion as an integrator's library would make it; `header` and `claims` override the honest defaults. */
function assertion(signer: Signer, claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  const input = `${b64({ alg: signer.alg, typ: 'JWT', ...(signer.kid ? { kid: signer.kid } : {}), ...header })}.${b64(claims)}`;
  const hash = signer.alg === 'EdDSA' ? null : 'sha256';
  const signature = sign(hash, Buffer.from(input), {
    key: signer.privateKey,
    dsaEncoding: 'ieee-p1363',
    padding: signer.alg === 'PS256' ? constants.RSA_PKCS1_PSS_PADDING : constants.RSA_PKCS1_PADDING,
    saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
  });
  return `${input}.${signature.toString('base64url')}`;
}

describe('tokens for private_key_jwt clients (RFC 7523)', () => {
  const t = forSuite(() => startRegistryTestApp('reg_assertion'));
  let clientId: string;
  let es256: Signer;
  const now = (): number => Math.floor(Date.now() / 1000);
  const honest = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    iss: clientId,
    sub: clientId,
    aud: t.issuer,
    iat: now(),
    exp: now() + 300,
    jti: randomUUID(),
    ...overrides,
  });
  const request = (
    token: string,
    extra: Record<string, string> = {},
  ): Promise<HttpResult<Problem & { access_token: string }>> =>
    t.http.tokenRequest({
      grant_type: 'client_credentials',
      audience: 'tributi',
      client_assertion_type: ASSERTION_TYPE,
      client_assertion: token,
      ...extra,
    });
  const expectRefusal = async (
    token: string,
    code: string,
    detail: RegExp,
    extra?: Record<string, string>,
  ): Promise<void> => {
    const res = await request(token, extra);
    expect({ status: res.status, code: res.body.code, error: res.body.error }).toEqual({
      status: 401,
      code,
      error: 'invalid_client',
    });
    expect(res.body.detail).toMatch(detail);
    for (const part of token.split('.')) if (part.length > 8) expect(JSON.stringify(res.body)).not.toContain(part);
  };

  async function jwtClient(publicKey: KeyObject, kid?: string): Promise<string> {
    const jwk = { ...(publicKey.export({ format: 'jwk' }) as Jwk), ...(kid ? { kid } : {}) };
    const res = await t.http.post<{ clientId: string; keys: { kid: string }[] }>('/clients', {
      token: t.adminBearer,
      body: {
        ente: '082053',
        name: 'gestionale tributi',
        scopes: ['records:read'],
        authentication: 'private_key_jwt',
        publicKey: jwk,
      },
    });
    expect(res.status).toBe(201);
    return res.body.clientId;
  }

  beforeAll(async () => {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    clientId = await jwtClient(pair.publicKey);
    es256 = {
      alg: 'ES256',
      kid: await calculateJwkThumbprint(pair.publicKey.export({ format: 'jwk' })),
      privateKey: pair.privateKey,
    };
  });

  describe('issues a token that verifies against the JWKS', () => {
    const verify = async (token: string): Promise<void> => {
      const res = await request(token);
      expect(res.status).toBe(200);
      const verifier = new TokenVerifier({
        keys: new JwksClient({ url: t.jwksUrl }),
        issuer: t.issuer,
        audience: 'tributi',
      });
      expect(await verifier.verify(res.body.access_token)).toMatchObject({ ente: '082053' });
    };

    it('for an ES256 assertion, the key registered with the client, kid its RFC 7638 thumbprint', async () => {
      await verify(assertion(es256, honest()));
    });

    it('for an RS256 and a PS256 assertion, keys added later with kids of their own', async () => {
      const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const added = await t.http.post<{ kid: string }>(`/clients/${clientId}/keys`, {
        token: t.adminBearer,
        body: { jwk: { ...rsa.publicKey.export({ format: 'jwk' }), kid: 'rsa-2026' } },
      });
      expect(added.status).toBe(201);
      expect(added.body.kid).toBe('rsa-2026');
      await verify(assertion({ alg: 'RS256', kid: 'rsa-2026', privateKey: rsa.privateKey }, honest()));
      await verify(assertion({ alg: 'PS256', kid: 'rsa-2026', privateKey: rsa.privateKey }, honest()));
    });

    it('for an EdDSA assertion without kid when the client has only that key', async () => {
      const ed = generateKeyPairSync('ed25519');
      const onlyKey = await jwtClient(ed.publicKey);
      const claims = { ...honest(), iss: onlyKey, sub: onlyKey };
      await verify(assertion({ alg: 'EdDSA', privateKey: ed.privateKey }, claims));
    });
  });

  it('refuses an assertion whose jti was already used, saying when', async () => {
    const token = assertion(es256, honest());
    expect((await request(token)).status).toBe(200);
    await expectRefusal(
      token,
      'assertion-reused',
      /jti ".*" was already used at \d{4}-.*Z, \d+ s ago: every assertion needs a fresh jti/,
    );
  });

  it('forgets the jtis of expired assertions', async () => {
    await t.sql.query(
      `insert into used_assertion (client_id, jti, used_at, expires_at) values ($1, 'old', now() - interval '1 hour', now() - interval '50 minutes')`,
      [clientId],
    );
    const db = t.app.get(RegistryDatabase);
    const purged = await RequestContext.create(db.orm.em, () => t.app.get(UsedAssertions).purgeExpired(new Date()));
    expect(purged).toBeGreaterThanOrEqual(1);
    const { rows } = await t.sql.query(`select count(*)::int as n from used_assertion where jti = 'old'`);
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('refuses an unknown client_assertion_type and an assertion without one', async () => {
    const token = assertion(es256, honest());
    const wrongType = await t.http.tokenRequest<Problem>({
      grant_type: 'client_credentials',
      audience: 'tributi',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:saml2-bearer',
      client_assertion: token,
    });
    expect(wrongType.status).toBe(401);
    expect(wrongType.body).toMatchObject({ code: 'unsupported-assertion-type', error: 'invalid_client' });
    expect(wrongType.body.detail).toMatch(
      /"urn:.*saml2-bearer" is not supported; it must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer/,
    );
    const untyped = await t.http.tokenRequest<Problem>({
      grant_type: 'client_credentials',
      audience: 'tributi',
      client_assertion: token,
    });
    expect(untyped.body).toMatchObject({
      code: 'unsupported-assertion-type',
      detail: expect.stringMatching(/no client_assertion_type/),
    });
  });

  it('refuses an assertion that is not a JWT', async () => {
    await expectRefusal('not-a-jwt', 'assertion-malformed', /has 1 part\(s\); a signed JWT has three/);
  });

  it('refuses a kid the client has not registered, naming the client’s kids', async () => {
    await expectRefusal(
      assertion({ ...es256, kid: 'laptop-key' }, honest()),
      'assertion-unknown-key',
      new RegExp(
        `signed with kid "laptop-key", which client "${clientId}" has not registered; its keys are "${es256.kid}"`,
      ),
    );
  });

  it('refuses HS256 and an algorithm the registered key cannot verify', async () => {
    await expectRefusal(
      assertion({ alg: 'HS256', kid: es256.kid, privateKey: es256.privateKey }, honest(), {}).replace(
        /\.[^.]*$/,
        '.c2ln',
      ),
      'assertion-algorithm-not-allowed',
      /alg is "HS256": only ES256, EdDSA, RS256 and PS256 are accepted/,
    );
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await expectRefusal(
      assertion({ alg: 'RS256', kid: es256.kid, privateKey: rsa.privateKey }, honest()),
      'assertion-algorithm-not-allowed',
      /alg is "RS256" but key ".*" is an EC P-256 key, which verifies only ES256/,
    );
  });

  it('refuses a signature by another key', async () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await expectRefusal(
      assertion({ ...es256, privateKey: other.privateKey }, honest()),
      'assertion-bad-signature',
      /signature does not verify with key ".*": it was signed with another key, or altered after signing/,
    );
  });

  it.each([
    ['assertion-expired', { iat: -900, exp: -600 }, /The client assertion expired at .*Z, 6\d\d s ago/],
    ['assertion-not-yet-valid', { nbf: 120 }, /not valid before .*Z, 1\d\d s from now/],
    ['assertion-issued-in-future', { iat: 120 }, /issued at .*Z, 1\d\d s in the future/],
    ['assertion-lifetime-too-long', { iat: 0, exp: 3600 }, /lives 3600 s from iat to exp; the limit is 600 s/],
  ])('refuses times out of bounds: %s', async (code, offsets, detail) => {
    const times = Object.fromEntries(Object.entries(offsets).map(([claim, offset]) => [claim, now() + offset]));
    await expectRefusal(assertion(es256, honest(times)), code, detail);
  });

  it('refuses the wrong audience, saying what it must be', async () => {
    await expectRefusal(
      assertion(es256, honest({ aud: 'https://auth.interop.pagopa.it/client-assertion' })),
      'assertion-wrong-audience',
      new RegExp(`aud is "https://auth.interop.pagopa.it/client-assertion"; it must be "${t.issuer}"`),
    );
  });

  it('refuses an iss or a sub that is not the client id, and a client_id that differs from iss', async () => {
    await expectRefusal(
      assertion(es256, honest({ iss: 'https://gestionale.example' })),
      'assertion-wrong-issuer',
      new RegExp(`iss is "https://gestionale.example"; it must be the client id "${clientId}", as its sub is`),
    );
    await expectRefusal(
      assertion(es256, honest({ sub: 'operatore-tributi' })),
      'assertion-wrong-subject',
      new RegExp(`sub is "operatore-tributi"; it must be the client id "${clientId}"`),
    );
    await expectRefusal(
      assertion(es256, honest()),
      'assertion-client-mismatch',
      new RegExp(`client_id is "another" but the assertion's iss is "${clientId}"`),
      { client_id: 'another' },
    );
  });

  it.each([
    ['jti', /no "jti" claim; it must be a value used only once/],
    ['exp', /no "exp" claim/],
    ['iss', /no "iss" claim; it must be the client id/],
    ['aud', /no "aud" claim/],
  ])('refuses an assertion without %s', async (claim, detail) => {
    const claims = honest();
    delete claims[claim];
    await expectRefusal(assertion(es256, claims), 'assertion-missing-claim', detail);
  });

  it('refuses an assertion naming an unknown client, or a client that uses a secret', async () => {
    await expectRefusal(
      assertion(es256, honest({ iss: 'ghost', sub: 'ghost' })),
      'unknown-client',
      /No client has the id "ghost" \(the assertion's iss\)/,
    );
    const secretClient = await t.createClient({ ente: '082053', scopes: ['records:read'] });
    await expectRefusal(
      assertion(es256, honest({ iss: secretClient.clientId, sub: secretClient.clientId })),
      'client-uses-client-secret',
      /authenticates with its client secret .*, not with an assertion/,
    );
  });

  it('refuses an assertion together with HTTP Basic', async () => {
    const both = await t.http.tokenRequest<Problem>(
      {
        grant_type: 'client_credentials',
        audience: 'tributi',
        client_assertion_type: ASSERTION_TYPE,
        client_assertion: assertion(es256, honest()),
      },
      { authorization: basicAuthorization(t.admin.clientId, t.admin.clientSecret) },
    );
    expect(both.body).toMatchObject({ code: 'multiple-client-authentication', error: 'invalid_request' });
    expect(both.body.detail).toMatch(/HTTP Basic .*a client assertion/);
  });
});
