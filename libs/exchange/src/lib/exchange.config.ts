import { accessConfig } from '@interscambio/access';
import type { AccessConfig } from '@interscambio/access';
import { databaseConfig, kafkaConfig, listenConfig, publicUrlConfig } from '@interscambio/config';
import type { DatabaseConfig, Env, KafkaConfig, ListenConfig, PublicUrlConfig } from '@interscambio/config';
import { historyConfig } from './history/history.config';
import type { HistoryConfig } from './history/history.config';
import { openDataConfig } from './opendata/opendata.config';
import type { OpenDataConfig } from './opendata/opendata.config';
import { receiptConfig } from './receipts/receipt.config';
import type { ReceiptConfig } from './receipts/receipt.config';

export type { DatabaseConfig };

export interface ExchangeConfig
  extends
    DatabaseConfig,
    KafkaConfig,
    ListenConfig,
    AccessConfig,
    ReceiptConfig,
    PublicUrlConfig,
    HistoryConfig,
    OpenDataConfig {}

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
    ...receiptConfig(env),
    ...publicUrlConfig(env),
    ...historyConfig(env),
    ...openDataConfig(env),
  };
}

/** The part the migration command needs: it runs without Kafka. The schema defaults to the theme, `-` → `_`. */
export function loadDatabaseConfig(env: Env, theme: string): DatabaseConfig {
  return databaseConfig(env, theme.replace(/-/g, '_'));
}
