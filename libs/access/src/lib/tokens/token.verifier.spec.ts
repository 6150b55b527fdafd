import { generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeJws, hmacWithPublicKey, refusal, signJwt, unsignedToken, withPayload } from '../../../test/token-forge';
import type { JwtClaims } from './jwt';
import { JwksClient, type KeySource } from './key-source';
import { generateSigningKey, type SigningKey } from './signing-key';
import { TokenVerifier, type TokenVerifierOptions } from './token.verifier';

const ISSUER = 'urn:interscambio:registry';
const NOW = Date.parse('2026-12-01T10:05:12Z');
const now = NOW / 1000;
let es256: SigningKey;
let eddsa: SigningKey;
let foreign: SigningKey;
beforeAll(async () => {
  [es256, eddsa, foreign] = await Promise.all([
    generateSigningKey('ES256'),
    generateSigningKey('EdDSA'),
    generateSigningKey('ES256'),
  ]);
});
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });

class CountingKeys implements KeySource {
  asked = 0;
  private readonly keys = new Map<string, KeyObject>([
    [es256.kid, es256.publicKey],
    [eddsa.kid, eddsa.publicKey],
    ['rsa-1', rsa.publicKey],
  ]);

  key(kid: string): Promise<KeyObject | undefined> {
    this.asked += 1;
    return Promise.resolve(this.keys.get(kid));
  }
}

function verifier(options: Partial<TokenVerifierOptions> = {}): TokenVerifier {
  return new TokenVerifier({
    keys: new CountingKeys(),
    issuer: ISSUER,
    audience: 'tributi',
    now: () => NOW,
    ...options,
  });
}

function claims(overrides: JwtClaims = {}): JwtClaims {
  return {
    iss: ISSUER,
    sub: 'gestionale-082053',
    client_id: 'gestionale-082053',
    aud: 'tributi',
    ente: '082053',
    scope: 'records:read records:write',
    iat: now - 60,
    exp: now + 240,
    jti: randomUUID(),
    ...overrides,
  };
}

function token(overrides: JwtClaims = {}, typ = 'at+jwt'): string {
  return signJwt(es256, claims(overrides), typ);
}

describe('TokenVerifier', () => {
  it('accepts an ES256 access token and says who is calling, for which ente, with which scopes', async () => {
    const accessToken = await verifier().verify(token({ rate_limit: 120 }));
    expect(accessToken).toEqual({
      clientId: 'gestionale-082053',
      ente: '082053',
      scopes: new Set(['records:read', 'records:write']),
      audience: ['tributi'],
      issuedAt: new Date(NOW - 60_000),
      expiresAt: new Date(NOW + 240_000),
      jti: expect.any(String),
      rateLimit: 120,
    });
  });

  it('accepts an EdDSA access token', async () => {
    await expect(verifier().verify(signJwt(eddsa, claims(), 'at+jwt'))).resolves.toMatchObject({ ente: '082053' });
  });

  it('accepts an audience array that contains its own audience', async () => {
    const accessToken = await verifier().verify(token({ aud: ['registry', 'tributi'] }));
    expect(accessToken.audience).toEqual(['registry', 'tributi']);
  });

  it.each(['application/at+jwt', 'AT+JWT'])('accepts typ %s (media types are case-insensitive)', async (typ) => {
    await expect(verifier().verify(token({}, typ))).resolves.toMatchObject({ clientId: 'gestionale-082053' });
  });

  // A function: the cases are listed before beforeAll has made the keys.
  const header = () => ({ alg: 'ES256', typ: 'at+jwt', kid: es256.kid });
  const cases: [string, () => string, string, string | RegExp][] = [
    ['garbage', () => 'not-a-token', 'malformed', /has 1 part\(s\)/],
    [
      'typ JWT (an ID token or assertion)',
      () => token({}, 'JWT'),
      'wrong-type',
      'The token\'s typ is "JWT", not "at+jwt": it is not an access token (RFC 9068 §2.1).',
    ],
    [
      'no typ',
      () => encodeJws({ alg: 'ES256', kid: es256.kid }, claims(), es256.privateKey),
      'wrong-type',
      /has no "typ" header/,
    ],
    [
      'alg none',
      () => unsignedToken({ ...header(), alg: 'none' }, claims()),
      'algorithm-not-allowed',
      'The token\'s alg is "none": only ES256 and EdDSA are accepted.',
    ],
    [
      'HS256 keyed with the public key',
      () => hmacWithPublicKey(header(), claims(), es256.publicKey),
      'algorithm-not-allowed',
      'The token\'s alg is "HS256": only ES256 and EdDSA are accepted.',
    ],
    [
      'RS256, though its key is known',
      () => encodeJws({ alg: 'RS256', typ: 'at+jwt', kid: 'rsa-1' }, claims(), rsa.privateKey),
      'algorithm-not-allowed',
      /alg is "RS256"/,
    ],
    [
      'PS256, though its key is known',
      () => encodeJws({ alg: 'PS256', typ: 'at+jwt', kid: 'rsa-1' }, claims(), rsa.privateKey),
      'algorithm-not-allowed',
      /alg is "PS256"/,
    ],
    [
      'no kid',
      () => encodeJws({ alg: 'ES256', typ: 'at+jwt' }, claims(), es256.privateKey),
      'malformed',
      /has no "kid" header/,
    ],
    [
      'an unknown kid',
      () => encodeJws({ ...header(), alg: 'ES256', kid: 'abc' }, claims(), foreign.privateKey),
      'unknown-key',
      /^No key "abc" in the issuer's JWKS/,
    ],
    [
      'a foreign key claiming a known kid',
      () => encodeJws({ ...header(), alg: 'ES256' }, claims(), foreign.privateKey),
      'bad-signature',
      /does not verify with key/,
    ],
    [
      'a payload changed after signing',
      () => withPayload(token(), claims({ ente: '082054' })),
      'bad-signature',
      /altered after signing/,
    ],
    [
      'an EdDSA header on an ES256 kid',
      () => encodeJws({ ...header(), alg: 'EdDSA' }, claims(), eddsa.privateKey),
      'algorithm-not-allowed',
      /is an EC P-256 key, which verifies only ES256/,
    ],
    [
      'another issuer',
      () => token({ iss: 'https://idp.example' }),
      'wrong-issuer',
      `The token was issued by "https://idp.example", not "${ISSUER}".`,
    ],
    ['no issuer', () => token({ iss: undefined }), 'missing-claim', /no "iss" claim/],
    [
      'another audience',
      () => token({ aud: 'registry' }),
      'wrong-audience',
      'The token is for audience "registry", not "tributi".',
    ],
    [
      'an audience array without it',
      () => token({ aud: ['registry', 'sociale'] }),
      'wrong-audience',
      'The token is for audiences "registry", "sociale", not "tributi".',
    ],
    [
      'exp passed',
      () => token({ iat: now - 600, exp: now - 312 }),
      'expired',
      'The token expired at 2026-12-01T10:00:00Z, 312 s ago.',
    ],
    ['nbf ahead', () => token({ nbf: now + 120 }), 'not-yet-valid', /not valid before 2026-12-01T10:07:12Z/],
    [
      'iat ahead',
      () => token({ iat: now + 120, exp: now + 400 }),
      'issued-in-future',
      /issued at 2026-12-01T10:07:12Z, 120 s in the future/,
    ],
    [
      'a lifetime over 600 s',
      () => token({ iat: now, exp: now + 601 }),
      'lifetime-too-long',
      /lives 601 s from iat to exp; the limit is 600 s/,
    ],
    ['no ente', () => token({ ente: undefined }), 'missing-claim', 'The token has no "ente" claim.'],
    ['no client_id', () => token({ client_id: undefined }), 'missing-claim', 'The token has no "client_id" claim.'],
    ['no jti', () => token({ jti: undefined }), 'missing-claim', 'The token has no "jti" claim.'],
    ['no scope', () => token({ scope: undefined }), 'missing-claim', 'The token has no "scope" claim.'],
    [
      'sub other than client_id',
      () => token({ sub: 'someone-else' }),
      'malformed',
      /"sub" "someone-else" but client_id "gestionale-082053": in a client-credentials token both name the client/,
    ],
    [
      'an ente that is not an ISTAT code',
      () => token({ ente: '82053' }),
      'malformed',
      'The token\'s "ente" "82053" is not an ISTAT code of six digits.',
    ],
    [
      'a rate_limit of zero',
      () => token({ rate_limit: 0 }),
      'malformed',
      /"rate_limit" "0" is not a positive whole number/,
    ],
  ];

  it.each(cases)('refuses a token with %s, saying why without quoting the token', async (_, make, reason, message) => {
    const forged = make();
    const error = await refusal(() => verifier().verify(forged), forged);
    expect(error.reason).toBe(reason);
    expect(error.message).toMatch(message);
  });

  it('checks the alg before asking for the key, so forged headers cost no key lookup', async () => {
    const keys = new CountingKeys();
    await refusal(() => verifier({ keys }).verify(unsignedToken({ ...header(), alg: 'none' }, claims())));
    expect(keys.asked).toBe(0);
  });

  it('serves a token verified before from its cache without checking the signature again', async () => {
    const keys = new CountingKeys();
    const cached = verifier({ keys });
    const accessToken = token();
    const first = await cached.verify(accessToken);
    await expect(cached.verify(accessToken)).resolves.toEqual(first);
    expect(keys.asked).toBe(1);
  });

  it('refuses a cached token once it has expired', async () => {
    let clock = NOW;
    const cached = verifier({ now: () => clock });
    const accessToken = token();
    await cached.verify(accessToken);
    clock += 300_000;
    expect((await refusal(() => cached.verify(accessToken))).reason).toBe('expired');
  });

  it('does not let a cached signature vouch for another payload', async () => {
    const cached = verifier();
    const accessToken = token();
    await cached.verify(accessToken);
    const tampered = withPayload(accessToken, claims({ ente: '082054' }));
    expect((await refusal(() => cached.verify(tampered))).reason).toBe('bad-signature');
  });

  it('keeps at most cacheSize tokens, dropping the least recently used', async () => {
    const keys = new CountingKeys();
    const small = verifier({ keys, cacheSize: 1 });
    const [a, b] = [token(), token()];
    for (const t of [a, a, b, a]) await small.verify(t);
    expect(keys.asked).toBe(3);
  });

  it('refuses with keys-unavailable when the JWKS never answered', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
    await new Promise((resolve) => server.close(resolve));
    const error = await refusal(() => verifier({ keys: new JwksClient({ url }) }).verify(token()));
    expect(error.reason).toBe('keys-unavailable');
    expect(error.message).toMatch(new RegExp(`^The registry's JWKS at ${url} did not answer: .*ECONNREFUSED`));
  });
});
