import { generateKeyPairSync } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import { refusal, signJwt } from '../../../test/token-forge';
import { importPublicJwk, type Jwk, publicJwk } from './jwk';
import { decodeJwt } from './jwt';
import { verifySignature } from './jwt.signature';
import { exportPrivateJwk, generateSigningKey, importSigningKey } from './signing-key';

// RFC 7638 §3.1, the worked example.
const rfc7638Key: Jwk = {
  kty: 'RSA',
  n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
  e: 'AQAB',
  alg: 'RS256',
  kid: '2011-04-29',
};

describe('JWK helpers', () => {
  it.each(['ES256', 'EdDSA'] as const)('gives a %s key the thumbprint of its public JWK as kid', async (alg) => {
    const key = await generateSigningKey(alg);
    const jwk = publicJwk(key.publicKey, { kid: key.kid, alg });
    expect(jwk).toMatchObject({ kid: key.kid, alg, use: 'sig' });
    expect(jwk).not.toHaveProperty('d');
    expect(await calculateJwkThumbprint(jwk)).toBe(key.kid);
  });

  it('publishes only the public half when given a private key', async () => {
    const key = await generateSigningKey();
    expect(publicJwk(key.privateKey, { kid: key.kid, alg: 'ES256' })).toEqual(
      publicJwk(key.publicKey, { kid: key.kid, alg: 'ES256' }),
    );
  });

  it.each(['ES256', 'EdDSA'] as const)('imports a published %s JWK as a key that verifies the tokens', async (alg) => {
    const key = await generateSigningKey(alg);
    const imported = importPublicJwk(publicJwk(key.publicKey, { kid: key.kid, alg }));
    await expect(verifySignature(decodeJwt(signJwt(key, { sub: 'x' })), imported, [alg])).resolves.toBeUndefined();
  });

  it('imports an RSA 2048 and an EC P-384 key', () => {
    expect(importPublicJwk(rfc7638Key).asymmetricKeyDetails?.modulusLength).toBe(2048);
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ format: 'jwk' });
    expect(importPublicJwk(p384).asymmetricKeyDetails?.namedCurve).toBe('secp384r1');
  });

  it('reloads a stored private JWK as the same signing key', async () => {
    const key = await generateSigningKey('EdDSA');
    const stored: Jwk = JSON.parse(JSON.stringify(exportPrivateJwk(key))) as Jwk;
    const reloaded = importSigningKey(stored, key.kid);
    expect(reloaded).toMatchObject({ kid: key.kid, alg: 'EdDSA' });
    await expect(
      verifySignature(decodeJwt(signJwt(reloaded, { sub: 'x' })), key.publicKey, ['EdDSA']),
    ).resolves.toBeUndefined();
  });

  it('refuses to reload an RSA private key as a signing key', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }) as Jwk;
    const error = await refusal(() => importSigningKey(rsa, 'old'));
    expect(error.message).toBe('The private JWK "old" is not an EC P-256 or Ed25519 key: it cannot sign tokens.');
  });

  // Made here, not awaited: the table below is listed before any test runs, and its kid is 'k1'.
  const ec = { kid: 'k1', alg: 'ES256' as const, ...generateKeyPairSync('ec', { namedCurve: 'P-256' }) };
  const ecJwk = publicJwk(ec.publicKey, { kid: 'k1', alg: 'ES256' });
  const weakRsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });

  it.each([
    [
      'a private key',
      exportPrivateJwk(ec),
      'The JWK "k1" carries the private member "d": publish only the public key.',
    ],
    [
      'a shared secret',
      { kty: 'oct', k: 'c2VjcmV0', kid: 'k1' },
      'The JWK "k1" is a shared secret (kty "oct"); only public keys are accepted.',
    ],
    [
      'an RSA key under 2048 bits',
      { ...weakRsa, kid: 'k1' },
      'The JWK "k1" is an RSA key of 1024 bits; at least 2048 are required.',
    ],
    ['another curve', { ...ecJwk, crv: 'P-521' }, 'The JWK "k1" has curve "P-521"; only P-256 and P-384 are accepted.'],
    [
      'an Ed448 key',
      { kty: 'OKP', crv: 'Ed448', x: ecJwk.x, kid: 'k1' },
      'The JWK "k1" has curve "Ed448"; only Ed25519 is accepted.',
    ],
    ['a short coordinate', { ...ecJwk, y: 'AAAA' }, 'The JWK "k1" has a "y" of 3 bytes; a P-256 key has 32.'],
    ['a point off the curve', { ...ecJwk, y: ecJwk.x }, /^The JWK "k1" is not a valid EC public key \(/],
    ['an encryption key', { ...ecJwk, use: 'enc' }, 'The JWK "k1" is for use "enc", not "sig".'],
    ['key_ops without verify', { ...ecJwk, key_ops: ['encrypt'] }, 'The JWK "k1" has key_ops without "verify".'],
    [
      'an alg its key cannot do',
      { ...ecJwk, alg: 'EdDSA' },
      'The JWK "k1" declares alg "EdDSA" but is an EC P-256 key.',
    ],
    [
      'an alg that is not accepted',
      { ...ecJwk, alg: 'HS256' },
      'The JWK "k1" declares alg "HS256", which is not accepted.',
    ],
    ['an unknown kty', { kty: 'XYZ' }, 'The JWK has kty "XYZ"; only EC, OKP and RSA keys are accepted.'],
    ['no x', { kty: 'EC', crv: 'P-256', y: ecJwk.y }, 'The JWK has no "x".'],
    ['an array', [ecJwk], 'The JWK is not a JSON object.'],
  ])('refuses %s, saying why', async (_, jwk, message) => {
    const error = await refusal(() => importPublicJwk(jwk));
    expect(error.reason).toBe('malformed');
    expect(error.message).toMatch(message);
  });
});
