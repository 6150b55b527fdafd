import { generateKeyPairSync } from 'node:crypto';
import { encodeJws, refusal, signJwt, withPayload } from '../../../test/token-forge';
import { importPublicJwk, publicJwk } from './jwk';
import { decodeJwt } from './jwt';
import { signToken, signTokenSync, verifySignature } from './jwt.signature';
import { generateSigningKey } from './signing-key';

const claims = { iss: 'urn:interscambio:registry', sub: 'gestionale-082053', exp: 1_796_119_200 };

describe('signToken (jose) and verifySignature (jose)', () => {
  it.each(['ES256', 'EdDSA'] as const)('verifies a token jose signed with %s', async (alg) => {
    const key = await generateSigningKey(alg);
    const token = await signToken(key, claims, 'at+jwt');
    expect(decodeJwt(token).header).toEqual({ alg, typ: 'at+jwt', kid: key.kid });
    await expect(verifySignature(decodeJwt(token), key.publicKey, [alg])).resolves.toBeUndefined();
  });

  it('gives the same EdDSA token as the synchronous signer the tests forge with (Ed25519 is deterministic)', async () => {
    const key = await generateSigningKey('EdDSA');
    expect(await signToken(key, claims, 'at+jwt')).toBe(signJwt(key, claims, 'at+jwt'));
  });

  it.each(['ES256', 'EdDSA'] as const)('verifies with jose a %s token signed synchronously', async (alg) => {
    const key = await generateSigningKey(alg);
    const token = signTokenSync(key, claims, 'interscambio-receipt+jwt');
    expect(decodeJwt(token).header).toEqual({ alg, typ: 'interscambio-receipt+jwt', kid: key.kid });
    await expect(verifySignature(decodeJwt(token), key.publicKey, [alg])).resolves.toBeUndefined();
  });

  it("gives jose's own EdDSA token when signing synchronously", async () => {
    const key = await generateSigningKey('EdDSA');
    expect(signTokenSync(key, claims, 'at+jwt')).toBe(await signToken(key, claims, 'at+jwt'));
  });

  it('rejects, once awaited, a jose-signed token whose payload was changed', async () => {
    const key = await generateSigningKey('ES256');
    const token = withPayload(await signToken(key, claims), { ...claims, sub: 'someone-else' });
    expect((await refusal(() => verifySignature(decodeJwt(token), key.publicKey, ['ES256']), token)).reason).toBe(
      'bad-signature',
    );
  });

  it.each(['RS256', 'PS256'] as const)(
    'verifies a %s client assertion with an RSA key imported from its JWK',
    async (alg) => {
      const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const token = encodeJws({ alg, typ: 'JWT', kid: 'rsa-1' }, claims, rsa.privateKey);
      const imported = importPublicJwk(publicJwk(rsa.publicKey, { kid: 'rsa-1', alg }));
      await expect(verifySignature(decodeJwt(token), imported, ['RS256', 'PS256'])).resolves.toBeUndefined();
    },
  );
});
