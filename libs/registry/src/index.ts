export { createRegistryApp, registryApiDocument } from './lib/registry.app';
export { runRegistry } from './lib/registry.runner';
export type { RegistryResources } from './lib/registry.module';
export { REGISTRY_BASE_PATH } from './lib/registry.settings';
export { loadRegistryConfig, type RegistryConfig } from './lib/config/registry.config';
export { migrateRegistry, type MigrateOutcome } from './lib/storage/registry.migrate';
export type { SandboxClientEntry, SandboxFile } from './lib/sandbox/sandbox.file';
