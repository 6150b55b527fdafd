import { constants, sign, verify, type KeyObject } from 'node:crypto';
import { encodeBase64url } from './base64url';
import type { DecodedJwt, JwtClaims, JwtHeader, VerifyAlgorithm } from './jwt';
import { ALGORITHMS, algorithmsOf, allowedAlgorithm, describeKey } from './jwt.algorithms';
import { JwtError } from './jwt.error';
import { listOf, quote } from './jwt.text';
import type { SigningKey } from './signing-key';

export function signJwt(key: SigningKey, claims: JwtClaims, typ = 'JWT'): string {
  return encodeJws({ alg: key.alg, typ, kid: key.kid }, claims, key.privateKey);
}

/** Signs any header as given; callers outside this library use signJwt, tests forge with this. */
export function encodeJws(
  header: JwtHeader & { alg: VerifyAlgorithm },
  claims: JwtClaims,
  privateKey: KeyObject,
): string {
  const algorithm = ALGORITHMS[header.alg];
  const signingInput = `${encodeBase64url(JSON.stringify(header))}.${encodeBase64url(JSON.stringify(claims))}`;
  const signature = sign(algorithm.hash, Buffer.from(signingInput), {
    key: privateKey,
    dsaEncoding: 'ieee-p1363',
    padding: algorithm.padding,
    saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
  });
  return `${signingInput}.${encodeBase64url(signature)}`;
}

/**
 * Checks the signature with `publicKey`, after checking that the header's alg is allowed and is one
 * that key verifies: an alg the key was not made for is refused, never tried (RFC 8725 §3.1).
 */
export function verifySignature(decoded: DecodedJwt, publicKey: KeyObject, allowed: readonly VerifyAlgorithm[]): void {
  const alg = allowedAlgorithm(decoded.header, allowed);
  const keyName = decoded.header.kid === undefined ? 'the key' : `key ${quote(decoded.header.kid)}`;
  const usable = algorithmsOf(publicKey);
  if (!usable.includes(alg)) {
    const verifies =
      usable.length === 0 ? 'which verifies no accepted algorithm' : `which verifies only ${listOf(usable)}`;
    throw new JwtError(
      'algorithm-not-allowed',
      `The token's alg is ${quote(alg)} but ${keyName} is ${describeKey(publicKey)}, ${verifies}.`,
    );
  }
  const algorithm = ALGORITHMS[alg];
  const length = decoded.signature.length;
  if (algorithm.signatureBytes !== undefined && length !== algorithm.signatureBytes) {
    const der =
      alg.startsWith('ES') && decoded.signature[0] === 0x30
        ? ' It looks DER-encoded: JOSE wants the raw r||s form.'
        : '';
    throw new JwtError(
      'bad-signature',
      `An ${alg} signature is ${algorithm.signatureBytes} bytes; the token's is ${length}.${der}`,
    );
  }
  if (!verifies(decoded, publicKey, alg))
    throw new JwtError(
      'bad-signature',
      `The token's signature does not verify with ${keyName}: it was signed with another key, or altered after signing.`,
    );
}

function verifies(decoded: DecodedJwt, key: KeyObject, alg: VerifyAlgorithm): boolean {
  const algorithm = ALGORITHMS[alg];
  const options = {
    key,
    dsaEncoding: 'ieee-p1363' as const,
    padding: algorithm.padding,
    saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
  };
  try {
    return verify(algorithm.hash, Buffer.from(decoded.signingInput), options, decoded.signature);
  } catch {
    return false;
  }
}
