import { importPublicJwk, JwtError } from '@interscambio/access';
import type { Jwk } from '@interscambio/access';
import { calculateJwkThumbprint } from 'jose';
import { UnprocessableError } from '../http/registry.errors';

export interface RegisteredJwk {
  kid: string;
  jwk: Jwk;
}

/** A public JWK a client registers, checked as the token endpoint will use it; kid = RFC 7638 thumbprint when it has none. */
export async function readClientJwk(value: unknown, pointer: string): Promise<RegisteredJwk> {
  try {
    importPublicJwk(value);
  } catch (error) {
    if (error instanceof JwtError) throw new UnprocessableError('invalid-public-key', pointer, error.message);
    throw error;
  }
  const jwk = value as Jwk;
  const kid = jwk.kid ?? (await calculateJwkThumbprint(jwk, 'sha256'));
  return { kid, jwk: { ...jwk, kid } };
}
