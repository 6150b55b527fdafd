import type { MikroORM } from '@mikro-orm/postgresql';
import type { DatabaseConfig } from '@interscambio/config';
import { ProcessedEvent } from '@interscambio/messaging';
import { createPool, migrate, openOrm } from '@interscambio/persistence';
import type { Pool } from 'pg';
import { consoleMigrations } from './console.migrations';

/**
 * The console's schema (sessions, its index of events and dead letters, the audit of operators'
 * actions), and a pool that reads the services' schemas where a read-only query is right, and the
 * registry's `operator` table, where the operators' accounts are kept.
 */
export class ConsoleDatabase {
  private constructor(
    readonly orm: MikroORM,
    readonly pool: Pool,
    readonly schema: string,
  ) {}

  static async open(config: DatabaseConfig, log: (m: string) => void): Promise<ConsoleDatabase> {
    const orm = await openOrm({
      url: config.databaseUrl,
      schema: config.databaseSchema,
      // MikroORM wants one entity to start; the console's own tables are plain SQL.
      entities: [ProcessedEvent],
      migrations: consoleMigrations,
      poolSize: 1,
    });
    const pool = createPool(
      {
        connectionString: config.databaseUrl,
        max: config.databasePoolSize,
        application_name: 'interscambio-console',
        options: `-c search_path=${config.databaseSchema}`,
      },
      log,
    );
    return new ConsoleDatabase(orm, pool, config.databaseSchema);
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
export async function migrateConsole(config: DatabaseConfig): Promise<string[]> {
  const db = await ConsoleDatabase.open({ ...config, databasePoolSize: 1 }, () => undefined);
  try {
    return await migrate(db.orm);
  } finally {
    await db.close();
  }
}
