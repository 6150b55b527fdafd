import { httpUrl, integer, optional, required } from '@interscambio/config';
import type { Env } from '@interscambio/config';

export const DEFAULT_TOKEN_ISSUER = 'urn:interscambio:registry';

export interface AccessConfig {
  /** The registry's JWKS, fetched and cached to verify tokens offline. */
  jwksUrl: string;
  /** The `iss` tokens must carry. */
  tokenIssuer: string;
  /** Where clients get tokens, as the OpenAPI document tells them (relative to the host by default). */
  tokenUrl: string;
  /** Requests a minute per client whose token names no limit of its own. */
  rateLimitPerMinute: number;
}

/** TOKEN_JWKS_URL (required), TOKEN_ISSUER, TOKEN_URL, RATE_LIMIT_PER_MINUTE. */
export function accessConfig(env: Env): AccessConfig {
  required(env, 'TOKEN_JWKS_URL', (v) => /^https?:\/\//.test(v), "an http(s) URL of the registry's JWKS");
  return {
    jwksUrl: httpUrl(env, 'TOKEN_JWKS_URL') as string,
    tokenIssuer: optional(env, 'TOKEN_ISSUER', /^\S{1,200}$/, 'an issuer identifier') ?? DEFAULT_TOKEN_ISSUER,
    tokenUrl:
      optional(env, 'TOKEN_URL', /^(https?:\/\/|\/)\S*$/, 'a URL or an absolute path') ?? '/registry/v1/oauth/token',
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 1200, 1, 1_000_000),
  };
}
