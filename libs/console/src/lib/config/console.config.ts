import { ConfigError, databaseConfig, kafkaConfig, listenConfig, optional } from '@interscambio/config';
import type { DatabaseConfig, Env, KafkaConfig, ListenConfig } from '@interscambio/config';

const CONSOLE_DEFAULT_PORT = 3300;

/** A service the console watches: where its /status and /metrics answer, and its database schema. */
export interface WatchedService {
  name: string;
  /** e.g. `http://127.0.0.1:3001/tributi/v1` */
  baseUrl: string;
  schema: string;
}

export interface ConsoleConfig extends DatabaseConfig, KafkaConfig, ListenConfig {
  services: WatchedService[];
  /** The record schemas (their themes and types name the topics indexed); the repository's when unset. */
  schemasDir?: string;
  /** Cookies marked Secure: on behind https (every deployment), off only for http on a laptop or a test. */
  secureCookies: boolean;
  /** The notifier's schema, for webhook deliveries in Traccia record; none when unset. */
  notifierSchema?: string;
  /** The registry's schema, which keeps the operators' accounts (the console reads them there). */
  registrySchema: string;
}

/**
 * CONSOLE_SERVICES lists `name=url` (the service's base, e.g. `tributi=http://10.0.0.5:3001`);
 * CONSOLE_SCHEMAS maps a service to its database schema when that is not its name.
 */
export function loadConsoleConfig(env: Env): ConsoleConfig {
  const schemas = pairs(env, 'CONSOLE_SCHEMAS', /^[a-z][a-z-]*=[a-z_][a-z0-9_]{0,62}$/);
  const services = pairs(env, 'CONSOLE_SERVICES', /^[a-z][a-z-]*=https?:\/\/\S+$/).map(([name, url]) => ({
    name,
    baseUrl: `${url.replace(/\/+$/, '')}/${name}/v1`,
    schema: schemas.find(([n]) => n === name)?.[1] ?? name.replace(/-/g, '_'),
  }));
  const cookies = optional(env, 'CONSOLE_SECURE_COOKIES', /^(on|off)$/, 'on or off') ?? 'on';
  return {
    ...loadConsoleDatabaseConfig(env),
    ...kafkaConfig(env),
    ...listenConfig(env, CONSOLE_DEFAULT_PORT),
    services,
    schemasDir: optional(env, 'SCHEMAS_DIR', /^\S+$/, 'a directory'),
    secureCookies: cookies === 'on',
    notifierSchema:
      optional(env, 'CONSOLE_NOTIFIER_SCHEMA', /^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case SQL identifier') ??
      (services.some((s) => s.name === 'notifier') ? 'notifier' : undefined),
    registrySchema:
      optional(env, 'CONSOLE_REGISTRY_SCHEMA', /^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case SQL identifier') ??
      services.find((s) => s.name === 'registry')?.schema ??
      'registry',
  };
}

export function loadConsoleDatabaseConfig(env: Env): DatabaseConfig {
  return databaseConfig(env, 'console');
}

function pairs(env: Env, name: string, pattern: RegExp): [string, string][] {
  const value = env[name]?.trim();
  if (!value) return [];
  return value.split(',').map((entry) => {
    const item = entry.trim();
    if (!pattern.test(item)) throw new ConfigError(name, `must read name=value,…; "${item}" does not`);
    const at = item.indexOf('=');
    return [item.slice(0, at), item.slice(at + 1)];
  });
}
