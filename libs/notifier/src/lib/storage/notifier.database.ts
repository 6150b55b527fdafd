import type { MikroORM } from '@mikro-orm/postgresql';
import type { DatabaseConfig } from '@interscambio/config';
import { rateLimitMigrations } from '@interscambio/access';
import { messagingMigrations, ProcessedEvent } from '@interscambio/messaging';
import { createPool, migrate, openOrm, qualifiedTable } from '@interscambio/persistence';
import type { Pool } from 'pg';
import { notifierMigrations } from './notifier.migrations';

export const allNotifierMigrations = [...messagingMigrations, ...rateLimitMigrations, ...notifierMigrations];

/**
 * The notifier's schema: the ORM for migrations and the consumers' processed_event marks, a pool
 * for its own SQL (subscriptions, the delivery outbox).
 */
export class NotifierDatabase {
  private constructor(
    readonly orm: MikroORM,
    readonly pool: Pool,
    readonly schema: string,
  ) {}

  /** `consumers`: transactions the consumer groups hold at once (their processed_event marks). */
  static async open(config: DatabaseConfig, log: (m: string) => void, consumers = 2): Promise<NotifierDatabase> {
    const orm = await openOrm({
      url: config.databaseUrl,
      schema: config.databaseSchema,
      entities: [ProcessedEvent],
      migrations: allNotifierMigrations,
      poolSize: consumers + 2,
    });
    const pool = createPool(
      {
        connectionString: config.databaseUrl,
        max: config.databasePoolSize,
        application_name: 'interscambio-notifier',
        options: `-c search_path=${config.databaseSchema}`,
      },
      log,
    );
    return new NotifierDatabase(orm, pool, config.databaseSchema);
  }

  /** `"<schema>"."<table>"` */
  table(name: string): string {
    return qualifiedTable(this.schema, name);
  }

  async pendingMigrations(): Promise<string[]> {
    return (await this.orm.migrator.getPending()).map((m) => m.name);
  }

  async close(): Promise<void> {
    await this.pool.end();
    await this.orm.close();
  }
}

/** The `migrate` command: never run at boot, where replicas would race. */
export async function migrateNotifier(config: DatabaseConfig): Promise<string[]> {
  const db = await NotifierDatabase.open({ ...config, databasePoolSize: 1 }, () => undefined);
  try {
    return await migrate(db.orm);
  } finally {
    await db.close();
  }
}
