import type { MigrationObject } from '@mikro-orm/core';
import { messagingMigrations, ProcessedEvent } from '@interscambio/messaging';
import { auditMigrations } from '@interscambio/audit';
import { rateLimitMigrations } from '@interscambio/access';
import { migrate, openOrm } from '@interscambio/persistence';
import { exchangeMigrations } from './exchange.migrations';

/** Every migration a theme service's schema needs, in order: messaging's (outbox, processed_event), the exchange's, the audit trail's, the rate limits'. */
export const themeMigrations: MigrationObject[] = [
  ...messagingMigrations,
  ...exchangeMigrations,
  ...auditMigrations,
  ...rateLimitMigrations,
];

/** Brings `schema` up to date; the `migrate` command, never a service's boot (replicas would race). */
export async function migrateThemeSchema(url: string, schema: string): Promise<string[]> {
  const orm = await openOrm({ url, schema, entities: [ProcessedEvent], migrations: themeMigrations, poolSize: 1 });
  try {
    return await migrate(orm);
  } finally {
    await orm.close();
  }
}
