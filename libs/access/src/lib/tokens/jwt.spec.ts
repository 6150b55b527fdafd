import { generateKeyPairSync, sign } from 'node:crypto';
import { encodeJws, hmacWithPublicKey, refusal, signJwt, unsignedToken, withPayload } from '../../../test/token-forge';
import { decodeJwt, type VerifyAlgorithm } from './jwt';
import { verifySignature } from './jwt.signature';
import { generateSigningKey } from './signing-key';

const encodeBase64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

const claims = { iss: 'urn:interscambio:registry', sub: 'gestionale-082053', exp: 1_796_119_200 };
const everything: VerifyAlgorithm[] = ['ES256', 'ES384', 'EdDSA', 'RS256', 'PS256'];
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });

describe('signJwt and verifySignature', () => {
  it.each(['ES256', 'EdDSA'] as const)(
    'round-trip a %s token: header, claims and a signature that verifies',
    async (alg) => {
      const key = await generateSigningKey(alg);
      const decoded = decodeJwt(signJwt(key, claims, 'at+jwt'));
      expect(decoded.header).toEqual({ alg, typ: 'at+jwt', kid: key.kid });
      expect(decoded.claims).toEqual(claims);
      await expect(verifySignature(decoded, key.publicKey, [alg])).resolves.toBeUndefined();
    },
  );

  it('signs ES256 in the JOSE form: 64 bytes of r||s, not DER', async () => {
    expect(decodeJwt(signJwt(await generateSigningKey('ES256'), claims)).signature).toHaveLength(64);
  });

  it.each(['RS256', 'PS256'] as const)('verifies a %s client assertion with an RSA key', async (alg) => {
    const decoded = decodeJwt(encodeJws({ alg, typ: 'JWT', kid: 'rsa-1' }, claims, rsa.privateKey));
    await expect(verifySignature(decoded, rsa.publicKey, ['RS256', 'PS256'])).resolves.toBeUndefined();
  });

  it('refuses a PS256 signature presented as RS256 (the padding is part of the algorithm)', async () => {
    const ps256 = encodeJws({ alg: 'PS256', kid: 'rsa-1' }, claims, rsa.privateKey);
    const relabelled = `${encodeBase64url(JSON.stringify({ alg: 'RS256', kid: 'rsa-1' }))}.${ps256.split('.').slice(1).join('.')}`;
    const error = await refusal(() => verifySignature(decodeJwt(relabelled), rsa.publicKey, everything));
    expect(error.reason).toBe('bad-signature');
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const key = await generateSigningKey();
    const token = withPayload(signJwt(key, claims), { ...claims, sub: 'someone-else' });
    const error = await refusal(() => verifySignature(decodeJwt(token), key.publicKey, ['ES256']), token);
    expect(error.reason).toBe('bad-signature');
    expect(error.message).toMatch(/does not verify with key "[\w-]+": it was signed with another key, or altered/);
  });

  it('lets a P-256 key refuse an EdDSA header instead of trying it', async () => {
    const ed = await generateSigningKey('EdDSA');
    const es = await generateSigningKey('ES256');
    const error = await refusal(() => verifySignature(decodeJwt(signJwt(ed, claims)), es.publicKey, everything));
    expect(error.reason).toBe('algorithm-not-allowed');
    expect(error.message).toBe(
      `The token's alg is "EdDSA" but key "${ed.kid}" is an EC P-256 key, which verifies only ES256.`,
    );
  });

  it('lets a P-256 key refuse an RS256 header and an RSA key refuse ES256', async () => {
    const es = await generateSigningKey('ES256');
    const rs256 = decodeJwt(encodeJws({ alg: 'RS256' }, claims, rsa.privateKey));
    expect((await refusal(() => verifySignature(rs256, es.publicKey, everything))).reason).toBe(
      'algorithm-not-allowed',
    );
    const es256 = decodeJwt(signJwt(es, claims));
    const error = await refusal(() => verifySignature(es256, rsa.publicKey, everything));
    expect(error.message).toMatch(/is an RSA 2048-bit key, which verifies only RS256 and PS256\.$/);
  });

  it.each([
    ['none', unsignedToken({ alg: 'none' }, claims)],
    ['HS256', hmacWithPublicKey({}, claims, rsa.publicKey)],
    ['ES512', unsignedToken({ alg: 'ES512' }, claims)],
  ])('refuses alg %s even when every verify algorithm is allowed', async (alg, token) => {
    const error = await refusal(() => verifySignature(decodeJwt(token), rsa.publicKey, everything), token);
    expect(error.reason).toBe('algorithm-not-allowed');
    expect(error.message).toBe(`The token's alg is "${alg}": only ES256, ES384, EdDSA, RS256 and PS256 are accepted.`);
  });

  it('refuses an alg the caller did not allow, even if the key could verify it', async () => {
    const token = encodeJws({ alg: 'RS256' }, claims, rsa.privateKey);
    const error = await refusal(() => verifySignature(decodeJwt(token), rsa.publicKey, ['PS256']));
    expect(error.message).toBe('The token\'s alg is "RS256": only PS256 is accepted.');
  });

  it('names a DER-encoded ES256 signature for what it is', async () => {
    const key = await generateSigningKey('ES256');
    const signingInput = signJwt(key, claims).split('.').slice(0, 2).join('.');
    const der = sign('sha256', Buffer.from(signingInput), key.privateKey);
    const error = await refusal(() =>
      verifySignature(decodeJwt(`${signingInput}.${encodeBase64url(der)}`), key.publicKey, ['ES256']),
    );
    expect(error.reason).toBe('bad-signature');
    expect(error.message).toMatch(/^An ES256 signature is 64 bytes; the token's is 7\d\. It looks DER-encoded/);
  });
});

describe('decodeJwt', () => {
  const header = encodeBase64url(JSON.stringify({ alg: 'ES256', typ: 'at+jwt', kid: 'k1' }));
  const payload = encodeBase64url(JSON.stringify(claims));
  const signature = encodeBase64url(Buffer.alloc(64, 1));

  it('gives header, claims, signing input and signature bytes', () => {
    const decoded = decodeJwt(`${header}.${payload}.${signature}`);
    expect(decoded).toEqual({
      header: { alg: 'ES256', typ: 'at+jwt', kid: 'k1' },
      claims,
      signingInput: `${header}.${payload}`,
      signature: Buffer.alloc(64, 1),
    });
  });

  it.each([
    ['an empty string', '', /^The token is empty\.$/],
    ['two parts', `${header}.${payload}`, /has 2 part\(s\); a signed JWT has three/],
    [
      'an encrypted JWT',
      `${header}.${payload}.${payload}.${signature}.${signature}`,
      /encrypted JWT \(JWE, five parts\)/,
    ],
    ['a Bearer prefix', `Bearer ${header}.${payload}.${signature}`, /starts with "Bearer ": pass the token alone/],
    ['more than 8 KiB', `${header}.${'A'.repeat(8200)}.${signature}`, /is \d+ characters long; the limit is 8192/],
    ['padding in base64url', `${header}.${payload}=.${signature}`, /payload is not base64url/],
    ['standard base64 characters', `${header}.${payload.replace(/.$/, '+')}.${signature}`, /payload is not base64url/],
    [
      'stray bits in the last character',
      `${header}.${payload}.${signature.slice(0, -1)}B`,
      /signature is not base64url/,
    ],
    ['a header that is not JSON', `${encodeBase64url('{alg')}.${payload}.${signature}`, /header is not JSON/],
    [
      'a payload that is a JSON array',
      `${header}.${encodeBase64url('[1]')}.${signature}`,
      /payload is not a JSON object/,
    ],
    ['no alg', `${encodeBase64url('{"typ":"JWT"}')}.${payload}.${signature}`, /header has no "alg"/],
    [
      'a numeric kid',
      `${encodeBase64url('{"alg":"ES256","kid":7}')}.${payload}.${signature}`,
      /member "kid" is not a string/,
    ],
    [
      'critical extensions',
      `${encodeBase64url('{"alg":"ES256","crit":["b64"],"b64":false}')}.${payload}.${signature}`,
      /critical extensions/,
    ],
    [
      'exp as a string',
      `${header}.${encodeBase64url('{"exp":"1796119200"}')}.${signature}`,
      /claim "exp" is not a NumericDate/,
    ],
    [
      'an exp past year 9999',
      `${header}.${encodeBase64url('{"exp":1e20}')}.${signature}`,
      /claim "exp" is not a NumericDate/,
    ],
    [
      'an empty aud array',
      `${header}.${encodeBase64url('{"aud":[]}')}.${signature}`,
      /claim "aud" is neither a string nor a non-empty array/,
    ],
    ['a numeric iss', `${header}.${encodeBase64url('{"iss":1}')}.${signature}`, /claim "iss" is not a string/],
  ])('refuses %s as malformed, saying why', async (_, token, message) => {
    const error = await refusal(() => decodeJwt(token), token);
    expect(error.reason).toBe('malformed');
    expect(error.message).toMatch(message);
  });
});
