export { bootstrapRegistry, createRegistryApp, registryApiDocument } from './lib/registry.app';
export { runRegistry } from './lib/registry.runner';
export { RegistryModule, type RegistryResources } from './lib/registry.module';
export { REGISTRY_AUDIENCE, REGISTRY_BASE_PATH } from './lib/registry.settings';
export {
  loadRegistryConfig,
  loadRegistryDatabaseConfig,
  MAX_TOKEN_TTL_SECONDS,
  REGISTRY_DEFAULT_PORT,
  type RegistryConfig,
} from './lib/config/registry.config';
export { RedactedSecret } from './lib/config/redacted-secret';
export { migrateRegistry, type MigrateOutcome } from './lib/storage/registry.migrate';
export { registryMigrations } from './lib/storage/registry.migrations';
export { allRegistryMigrations } from './lib/storage/registry.database';
export type { SandboxClientEntry, SandboxFile } from './lib/sandbox/sandbox.file';
