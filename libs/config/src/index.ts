export { ConfigError } from './lib/config.error';
export { httpUrl, integer, optional, optionalPairs, required } from './lib/env';
export type { Env } from './lib/env';
export { apiServiceConfig } from './lib/api-service.config';
export type { ApiServiceConfig } from './lib/api-service.config';
export { databaseConfig, kafkaConfig, listenConfig, publicUrlConfig } from './lib/service.config';
export type { DatabaseConfig, KafkaConfig, ListenConfig, PublicUrlConfig } from './lib/service.config';
