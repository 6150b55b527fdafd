export { createPortalApp, runPortal } from './lib/portal.app';
export { loadPortalConfig } from './lib/config/portal.config';
export type { PortalConfig } from './lib/config/portal.config';
export { guideCommands } from './lib/guide/guide';
export type { SchemaChange } from './lib/catalog/schema-diff';
