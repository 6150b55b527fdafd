import { DEFAULT_TOKEN_ISSUER } from '@interscambio/access';
import { apiServiceConfig, databaseConfig, integer, optional, required } from '@interscambio/config';
import type { ApiServiceConfig, DatabaseConfig, Env } from '@interscambio/config';
import { RedactedSecret } from './redacted-secret';

const REGISTRY_DEFAULT_PORT = 3100;
const REGISTRY_SCHEMA = 'registry';
/** RFC 9068 tokens of this platform live at most ten minutes; theme services refuse longer ones. */
export const MAX_TOKEN_TTL_SECONDS = 600;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 1200;

export interface RegistryConfig extends ApiServiceConfig {
  /** `iss` of every token, and the `aud` a client assertion must name. */
  tokenIssuer: string;
  /** Encrypts the signing keys at rest (AES-256-GCM); never logged. */
  keySecret: RedactedSecret;
  tokenTtlSeconds: number;
  rateLimitPerMinute: number;
}

/** Reads and checks the whole configuration at once, so start-up stops before anything connects. */
export function loadRegistryConfig(env: Env): RegistryConfig {
  return {
    ...apiServiceConfig(env, { schema: REGISTRY_SCHEMA, port: REGISTRY_DEFAULT_PORT }),
    tokenIssuer:
      optional(
        env,
        'TOKEN_ISSUER',
        /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/,
        'an absolute URI (e.g. urn:interscambio:registry)',
      ) ?? DEFAULT_TOKEN_ISSUER,
    keySecret: new RedactedSecret(
      required(env, 'REGISTRY_KEY_SECRET', (v) => v.length >= 32, 'a secret of at least 32 characters'),
    ),
    tokenTtlSeconds: integer(env, 'TOKEN_TTL_SECONDS', MAX_TOKEN_TTL_SECONDS, 60, MAX_TOKEN_TTL_SECONDS),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMIT_PER_MINUTE, 1, 1_000_000),
  };
}

/** What the migrate, sandbox and admin-client commands need: they run without Kafka and without the key secret. */
export function loadRegistryDatabaseConfig(env: Env): DatabaseConfig {
  return databaseConfig(env, REGISTRY_SCHEMA);
}
