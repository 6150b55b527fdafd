export { ConfigError } from './lib/config.error';
export { httpUrl, integer, optional, required } from './lib/env';
export type { Env } from './lib/env';
export { databaseConfig, kafkaConfig, listenConfig } from './lib/service.config';
export type { DatabaseConfig, KafkaConfig, ListenConfig } from './lib/service.config';
