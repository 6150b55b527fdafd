import { constants, createHmac, sign, type KeyObject } from 'node:crypto';
import type { JwtClaims, JwtHeader, VerifyAlgorithm } from '../src/lib/tokens/jwt';
import { JwtError } from '../src/lib/tokens/jwt.error';
import type { SigningKey } from '../src/lib/tokens/signing-key';

const encodeBase64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

const SIGNING: Readonly<Record<VerifyAlgorithm, { hash: string | null; padding?: number }>> = {
  ES256: { hash: 'sha256' },
  ES384: { hash: 'sha384' },
  EdDSA: { hash: null },
  RS256: { hash: 'sha256', padding: constants.RSA_PKCS1_PADDING },
  PS256: { hash: 'sha256', padding: constants.RSA_PKCS1_PSS_PADDING },
};

/**
 * Signs any header as given, synchronously, so a test can forge a token inline (jose signs only
 * asynchronously and refuses headers it finds odd). Production signs with signToken (jose).
 */
export function encodeJws(
  header: JwtHeader & { alg: VerifyAlgorithm },
  claims: JwtClaims,
  privateKey: KeyObject,
): string {
  const algorithm = SIGNING[header.alg];
  const signingInput = `${encodeBase64url(JSON.stringify(header))}.${encodeBase64url(JSON.stringify(claims))}`;
  const signature = sign(algorithm.hash, Buffer.from(signingInput), {
    key: privateKey,
    dsaEncoding: 'ieee-p1363',
    padding: algorithm.padding,
    saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
  });
  return `${signingInput}.${encodeBase64url(signature)}`;
}

/** The token signToken gives, synchronously: for tests and the bench, which mint tokens inline. */
export function signJwt(key: SigningKey, claims: JwtClaims, typ = 'JWT'): string {
  return encodeJws({ alg: key.alg, typ, kid: key.kid }, claims, key.privateKey);
}

/** Tokens no honest issuer makes, for the tests that prove they are refused. */
export function unsignedToken(header: Record<string, unknown>, claims: JwtClaims): string {
  return `${encodeBase64url(JSON.stringify(header))}.${encodeBase64url(JSON.stringify(claims))}.`;
}

/**
 * The classic confusion attack: HS256 with the issuer's public key as the HMAC secret, in the form
 * a vulnerable library would read it (PEM by default, the DER bytes, or the JWK's JSON text).
 */
export function hmacWithPublicKey(
  header: Record<string, unknown>,
  claims: JwtClaims,
  publicKey: KeyObject,
  form: 'pem' | 'der' | 'jwk' = 'pem',
): string {
  const signingInput = unsignedToken({ ...header, alg: 'HS256' }, claims).slice(0, -1);
  const secret =
    form === 'jwk'
      ? JSON.stringify(publicKey.export({ format: 'jwk' }))
      : form === 'der'
        ? publicKey.export({ format: 'der', type: 'spki' })
        : publicKey.export({ format: 'pem', type: 'spki' });
  return `${signingInput}.${encodeBase64url(createHmac('sha256', secret).update(signingInput).digest())}`;
}

/**
 * An access token signed by `key` whose header carries `members` too (jku, x5u, jwk, a kid of the
 * attacker's choosing…): the header injections a verifier must not act on.
 */
export function signedWithHeader(key: SigningKey, members: Record<string, unknown>, claims: JwtClaims): string {
  return encodeJws({ typ: 'at+jwt', kid: key.kid, ...members, alg: key.alg }, claims, key.privateKey);
}

/** The same token with its payload swapped and the original signature kept. */
export function withPayload(token: string, claims: JwtClaims): string {
  const [header, , signature] = token.split('.');
  return `${header}.${encodeBase64url(JSON.stringify(claims))}.${signature}`;
}

/** The JwtError `action` throws or rejects with, after checking its message does not leak the token. */
export async function refusal(action: () => unknown, token?: string): Promise<JwtError> {
  let caught: unknown;
  try {
    await action();
  } catch (error) {
    caught = error;
  }
  if (!(caught instanceof JwtError)) throw new Error(`Expected a JwtError, got ${String(caught)}`);
  for (const part of token?.split('.') ?? []) {
    if (part.length > 0 && caught.message.includes(part))
      throw new Error(`The message leaks the token: ${caught.message}`);
  }
  return caught;
}
