import { httpUrl, integer, optional, required } from './env';
import type { Env } from './env';

export interface DatabaseConfig {
  databaseUrl: string;
  /** The service's PostgreSQL schema. */
  databaseSchema: string;
  databasePoolSize: number;
}

export interface KafkaConfig {
  kafkaBrokers: string[];
  /** First segment of every topic name (`<prefix>.<theme>.<type>`). */
  topicPrefix: string;
}

export interface ListenConfig {
  host: string;
  port: number;
}

/** DATABASE_URL, DATABASE_SCHEMA (default `defaultSchema`), DATABASE_POOL_SIZE. */
export function databaseConfig(env: Env, defaultSchema: string): DatabaseConfig {
  return {
    databaseUrl: required(env, 'DATABASE_URL', (v) => /^postgres(ql)?:\/\/.+/.test(v), 'a postgres:// URL'),
    databaseSchema:
      optional(env, 'DATABASE_SCHEMA', /^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case SQL identifier') ?? defaultSchema,
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
  };
}

/** KAFKA_BROKERS, KAFKA_TOPIC_PREFIX. */
export function kafkaConfig(env: Env): KafkaConfig {
  return {
    kafkaBrokers: required(
      env,
      'KAFKA_BROKERS',
      (v) => v.split(',').every((b) => /^[^\s:,]+:\d{1,5}$/.test(b.trim())),
      'a comma-separated list of host:port',
    )
      .split(',')
      .map((b) => b.trim()),
    topicPrefix:
      optional(env, 'KAFKA_TOPIC_PREFIX', /^[A-Za-z0-9_-]{1,60}$/, 'letters, digits, `_` or `-`') ?? 'interscambio',
  };
}

/** HOST (default 0.0.0.0) and PORT (default `defaultPort`). */
export function listenConfig(env: Env, defaultPort: number): ListenConfig {
  return {
    host: optional(env, 'HOST', /^\S+$/, 'a host name or address') ?? '0.0.0.0',
    port: integer(env, 'PORT', defaultPort, 0, 65535),
  };
}

export interface PublicUrlConfig {
  /**
   * The platform's public gateway: the production server of every OpenAPI document (https, for the
   * guidelines) and the base of the schema URLs events name; http only for a local gateway.
   */
  publicUrl: string;
  /** The local gateway of `npm start`: the documents' sandbox server. */
  sandboxUrl: string;
}

export const DEFAULT_PUBLIC_URL = 'https://interscambio.cittametropolitana.pa.it';

/** PUBLIC_URL (an https URL; http for a local gateway) and SANDBOX_URL (default http://localhost:8080). */
export function publicUrlConfig(env: Env): PublicUrlConfig {
  const publicUrl = optional(env, 'PUBLIC_URL', /^https?:\/\/[^\s/]+$/, 'an http(s):// URL without a path');
  return {
    publicUrl: publicUrl ?? DEFAULT_PUBLIC_URL,
    sandboxUrl: httpUrl(env, 'SANDBOX_URL') ?? 'http://localhost:8080',
  };
}
