export { createPortalApp, runPortal } from './lib/portal.app';
export { loadPortalConfig, PORTAL_BASE_PATH, PORTAL_DEFAULT_PORT } from './lib/config/portal.config';
export type { PortalConfig } from './lib/config/portal.config';
export { guideCommands } from './lib/guide/guide';
export { diffSchemas } from './lib/catalog/schema-diff';
export type { ChangeKind, SchemaChange } from './lib/catalog/schema-diff';
