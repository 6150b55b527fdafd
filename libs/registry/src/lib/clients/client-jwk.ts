import { importPublicJwk, jwkThumbprint, JwtError } from '@interscambio/access';
import type { Jwk } from '@interscambio/access';
import { UnprocessableError } from '../http/registry.errors';

export interface RegisteredJwk {
  kid: string;
  jwk: Jwk;
}

/** A public JWK a client registers, checked as the token endpoint will use it; kid = RFC 7638 thumbprint when it has none. */
export function readClientJwk(value: unknown, pointer: string): RegisteredJwk {
  try {
    importPublicJwk(value);
    const jwk = value as Jwk;
    const kid = jwk.kid ?? jwkThumbprint(jwk);
    return { kid, jwk: { ...jwk, kid } };
  } catch (error) {
    if (error instanceof JwtError) throw new UnprocessableError('invalid-public-key', pointer, error.message);
    throw error;
  }
}
