import { createHmac, type KeyObject } from 'node:crypto';
import { encodeBase64url } from '../src/lib/tokens/base64url';
import type { JwtClaims } from '../src/lib/tokens/jwt';
import { JwtError } from '../src/lib/tokens/jwt.error';
import { encodeJws } from '../src/lib/tokens/jwt.signature';
import type { SigningKey } from '../src/lib/tokens/signing-key';

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
