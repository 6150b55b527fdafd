import { accessConfig } from '@interscambio/access';
import type { AccessConfig } from '@interscambio/access';
import { databaseConfig, kafkaConfig, listenConfig } from '@interscambio/config';
import type { DatabaseConfig, Env, KafkaConfig, ListenConfig } from '@interscambio/config';

export type { DatabaseConfig };

export interface ExchangeConfig extends DatabaseConfig, KafkaConfig, ListenConfig, AccessConfig {}

export interface ConfigDefaults {
  theme: string;
  port: number;
}

/** Reads and checks the whole configuration at once, so start-up stops before anything connects. */
export function loadExchangeConfig(env: Env, defaults: ConfigDefaults): ExchangeConfig {
  return {
    ...loadDatabaseConfig(env, defaults.theme),
    ...kafkaConfig(env),
    ...listenConfig(env, defaults.port),
    ...accessConfig(env),
  };
}

/** The part the migration command needs: it runs without Kafka. The schema defaults to the theme, `-` → `_`. */
export function loadDatabaseConfig(env: Env, theme: string): DatabaseConfig {
  return databaseConfig(env, theme.replace(/-/g, '_'));
}
