import { isIP } from 'node:net';
import { ConfigError } from './config.error';
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
  /**
   * Addresses and CIDR ranges of the proxies (gateway, ingress) whose X-Forwarded-For is believed:
   * a caller's address is taken from that header only when the request comes from one of them.
   */
  trustedProxies: string[];
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

/**
 * HOST (default 0.0.0.0; 127.0.0.1 keeps a service reachable only through a gateway on the same
 * host), PORT (default `defaultPort`), TRUSTED_PROXIES (default `loopback`; `none` trusts nobody).
 */
export function listenConfig(env: Env, defaultPort: number): ListenConfig {
  return {
    host: optional(env, 'HOST', /^\S+$/, 'a host name or address') ?? '0.0.0.0',
    port: integer(env, 'PORT', defaultPort, 0, 65535),
    trustedProxies: trustedProxies(env),
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

const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

function trustedProxies(env: Env): string[] {
  const value = env['TRUSTED_PROXIES']?.trim();
  if (!value) return ['loopback'];
  if (value === 'none') return [];
  const entries = value.split(',').map((e) => e.trim());
  const bad = entries.find((e) => !PROXY_KEYWORDS.has(e) && !isAddressOrRange(e));
  if (bad !== undefined)
    throw new ConfigError(
      'TRUSTED_PROXIES',
      `must be a comma-separated list of IP addresses, CIDR ranges, loopback, linklocal or uniquelocal (or none); "${bad.slice(0, 60)}" is none of them`,
    );
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}
