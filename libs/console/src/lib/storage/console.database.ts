import type { DatabaseConfig } from '@interscambio/config';
import { ProcessedEvent } from '@interscambio/messaging';
import { ServiceDatabase } from '@interscambio/persistence';
import { consoleMigrations } from './console.migrations';

/**
 * The console's schema (sessions, its index of events and dead letters, the audit of operators'
 * actions), and a pool that reads the services' schemas where a read-only query is right, and the
 * registry's `operator` table, where the operators' accounts are kept.
 */
export class ConsoleDatabase extends ServiceDatabase {
  static async open(config: DatabaseConfig, log: (m: string) => void): Promise<ConsoleDatabase> {
    const [orm, pool] = await ServiceDatabase.connect(
      config,
      // MikroORM wants one entity to start; the console's own tables are plain SQL.
      { service: 'console', entities: [ProcessedEvent], migrations: consoleMigrations, ormPoolSize: 1 },
      log,
    );
    return new ConsoleDatabase(orm, pool, config.databaseSchema);
  }
}

/** The `migrate` command: never run at boot, where replicas would race. */
export async function migrateConsole(config: DatabaseConfig): Promise<string[]> {
  return ServiceDatabase.migrateAndClose(
    await ConsoleDatabase.open({ ...config, databasePoolSize: 1 }, () => undefined),
  );
}
