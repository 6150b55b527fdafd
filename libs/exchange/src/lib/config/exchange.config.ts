import { ConfigError } from './config.error';

export interface DatabaseConfig {
  databaseUrl: string;
  /** The service's PostgreSQL schema; by default the theme name with `-` turned into `_`. */
  databaseSchema: string;
  databasePoolSize: number;
}

export interface ExchangeConfig extends DatabaseConfig {
  kafkaBrokers: string[];
  /** First segment of every topic name (`<prefix>.<theme>.<type>`). */
  topicPrefix: string;
  host: string;
  port: number;
}

export interface ConfigDefaults {
  theme: string;
  port: number;
}

type Env = Record<string, string | undefined>;

/** Reads and checks the whole configuration at once, so start-up stops before anything connects. */
export function loadExchangeConfig(env: Env, defaults: ConfigDefaults): ExchangeConfig {
  return {
    ...loadDatabaseConfig(env, defaults.theme),
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
    host: optional(env, 'HOST', /^\S+$/, 'a host name or address') ?? '0.0.0.0',
    port: integer(env, 'PORT', defaults.port, 0, 65535),
  };
}

/** The part the migration command needs: it runs without Kafka. */
export function loadDatabaseConfig(env: Env, theme: string): DatabaseConfig {
  return {
    databaseUrl: required(env, 'DATABASE_URL', (v) => /^postgres(ql)?:\/\/.+/.test(v), 'a postgres:// URL'),
    databaseSchema:
      optional(env, 'DATABASE_SCHEMA', /^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case SQL identifier') ??
      theme.replace(/-/g, '_'),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
  };
}

function required(env: Env, name: string, valid: (v: string) => boolean, expected: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(name, `is required (${expected})`);
  if (!valid(value)) throw new ConfigError(name, `must be ${expected}`);
  return value;
}

function optional(env: Env, name: string, pattern: RegExp, expected: string): string | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  if (!pattern.test(value)) throw new ConfigError(name, `must be ${expected}`);
  return value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = optional(env, name, /^\d+$/, `an integer from ${min} to ${max}`);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (n < min || n > max) throw new ConfigError(name, `must be an integer from ${min} to ${max}`);
  return n;
}
