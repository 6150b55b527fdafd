import { sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { compactVerify, errors, jwtVerify, SignJWT, type JWTVerifyOptions } from 'jose';
import type { DecodedJwt, JwtClaims, VerifyAlgorithm } from './jwt';
import { algorithmsOf, allowedAlgorithm, describeKey, SIGNATURE_BYTES } from './jwt.algorithms';
import { JwtError } from './jwt.error';
import { listOf, quote } from './jwt.text';
import type { SigningKey } from './signing-key';

/** Signs `claims` with jose: what the registry issues. */
export function signToken(key: SigningKey, claims: JwtClaims, typ = 'JWT'): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: key.alg, typ, kid: key.kid }).sign(key.privateKey);
}

/**
 * The token signToken gives (the same bytes for EdDSA, whose signatures are deterministic), signed
 * with node:crypto in the calling thread: jose signs through WebCrypto, whose job, promises and
 * thread-pool hand-off cost a service's write path 0.2–0.4 ms of CPU per receipt under load, against
 * about 0.05 ms for the signature itself. For signers on a hot path; verification stays jose's.
 */
export function signTokenSync(key: SigningKey, claims: JwtClaims, typ = 'JWT'): string {
  const header = Buffer.from(JSON.stringify({ alg: key.alg, typ, kid: key.kid })).toString('base64url');
  const signingInput = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  const hash = key.alg === 'EdDSA' ? null : 'sha256';
  const signature = sign(hash, Buffer.from(signingInput), { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${signature.toString('base64url')}`;
}

/**
 * Checks the signature with jose, after checking that the header's alg is allowed and is one that
 * key verifies: an alg the key was not made for is refused, never tried (RFC 8725 §3.1). Those
 * checks stay here because jose would refuse the same tokens with a vaguer sentence. With `claims`
 * (issuer, audience, typ, times) jose's jwtVerify checks them too, and a claim it refuses comes back
 * as its JWTClaimValidationFailed or JWTExpired, for the caller to say precisely what is wrong.
 */
export async function verifySignature(
  decoded: DecodedJwt,
  publicKey: KeyObject,
  allowed: readonly VerifyAlgorithm[],
  claims?: JWTVerifyOptions,
): Promise<void> {
  const algorithms = [checkKeyFits(decoded, publicKey, allowed)];
  // decodeJwt accepts only canonical base64url, so re-encoding the signature gives back the token.
  const token = `${decoded.signingInput}.${decoded.signature.toString('base64url')}`;
  await joseVerified(decoded, () =>
    claims ? jwtVerify(token, publicKey, { ...claims, algorithms }) : compactVerify(token, publicKey, { algorithms }),
  );
}

function checkKeyFits(decoded: DecodedJwt, publicKey: KeyObject, allowed: readonly VerifyAlgorithm[]): VerifyAlgorithm {
  const alg = allowedAlgorithm(decoded.header, allowed);
  const usable = algorithmsOf(publicKey);
  if (!usable.includes(alg)) {
    const verifies =
      usable.length === 0 ? 'which verifies no accepted algorithm' : `which verifies only ${listOf(usable)}`;
    throw new JwtError(
      'algorithm-not-allowed',
      `The token's alg is ${quote(alg)} but ${keyName(decoded)} is ${describeKey(publicKey)}, ${verifies}.`,
    );
  }
  const expected = SIGNATURE_BYTES[alg];
  const length = decoded.signature.length;
  if (expected !== undefined && length !== expected) {
    const der =
      alg.startsWith('ES') && decoded.signature[0] === 0x30
        ? ' It looks DER-encoded: JOSE wants the raw r||s form.'
        : '';
    throw new JwtError('bad-signature', `An ${alg} signature is ${expected} bytes; the token's is ${length}.${der}`);
  }
  return alg;
}

async function joseVerified(decoded: DecodedJwt, verify: () => Promise<unknown>): Promise<void> {
  try {
    await verify();
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed)
      throw new JwtError(
        'bad-signature',
        `The token's signature does not verify with ${keyName(decoded)}: it was signed with another key, or altered after signing.`,
      );
    if (error instanceof errors.JWTClaimValidationFailed || error instanceof errors.JWTExpired) throw error;
    // decodeJwt and checkKeyFits refuse what jose would call invalid; this is the net under them.
    if (error instanceof errors.JOSEError)
      throw new JwtError('malformed', `The token cannot be verified: ${error.message}.`);
    throw error;
  }
}

function keyName(decoded: DecodedJwt): string {
  return decoded.header.kid === undefined ? 'the key' : `key ${quote(decoded.header.kid)}`;
}
