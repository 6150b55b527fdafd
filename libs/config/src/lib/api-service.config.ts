import type { Env } from './env';
import { databaseConfig, kafkaConfig, listenConfig, publicUrlConfig } from './service.config';
import type { DatabaseConfig, KafkaConfig, ListenConfig, PublicUrlConfig } from './service.config';

/** What a service with an API reads besides its own settings: its database, Kafka, where it listens, its public URLs. */
export interface ApiServiceConfig extends DatabaseConfig, KafkaConfig, ListenConfig, PublicUrlConfig {}

/** databaseConfig, kafkaConfig, listenConfig and publicUrlConfig, read in that order. */
export function apiServiceConfig(env: Env, defaults: { schema: string; port: number }): ApiServiceConfig {
  return {
    ...databaseConfig(env, defaults.schema),
    ...kafkaConfig(env),
    ...listenConfig(env, defaults.port),
    ...publicUrlConfig(env),
  };
}
