import type { MigrationObject } from '@mikro-orm/core';

/**
 * Migrations in the order they run, each recorded under its key: `{ Migration20261124000001Outbox }`
 * runs that class and records that name. A deployed database knows a migration by its name alone, so
 * a key never changes; a class shared by several services is listed under each one's own name
 * (`{ Migration20261203100002Revocation: RevocationTableMigration }`).
 */
export function migrationList(migrations: Record<string, MigrationObject['class']>): MigrationObject[] {
  return Object.entries(migrations).map(([name, migration]) => ({ name, class: migration }));
}
