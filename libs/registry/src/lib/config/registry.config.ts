import { DEFAULT_TOKEN_ISSUER } from '@interscambio/access';
import {
  databaseConfig,
  integer,
  kafkaConfig,
  listenConfig,
  optional,
  publicUrlConfig,
  required,
} from '@interscambio/config';
import type { DatabaseConfig, Env, KafkaConfig, ListenConfig, PublicUrlConfig } from '@interscambio/config';
import { RedactedSecret } from './redacted-secret';

export const REGISTRY_DEFAULT_PORT = 3100;
/** RFC 9068 tokens of this platform live at most ten minutes; theme services refuse longer ones. */
export const MAX_TOKEN_TTL_SECONDS = 600;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 1200;

export interface RegistryConfig extends DatabaseConfig, KafkaConfig, ListenConfig, PublicUrlConfig {
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
    ...loadRegistryDatabaseConfig(env),
    ...kafkaConfig(env),
    ...listenConfig(env, REGISTRY_DEFAULT_PORT),
    ...publicUrlConfig(env),
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
  return databaseConfig(env, 'registry');
}
