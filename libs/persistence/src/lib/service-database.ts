import type { MikroORM } from '@mikro-orm/postgresql';
import type { Pool } from 'pg';
import type { DatabaseConfig } from '@interscambio/config';
import { migrate, openOrm } from './orm';
import type { PersistenceOptions } from './orm';
import { qualifiedTable } from './sql/identifier';
import { createPool } from './sql/pool';

/**
 * Refuses to serve on a schema that `migrate` has not brought up to date: the code would meet
 * tables it does not know, and migrating at boot would race the other replicas.
 */
export async function assertMigrated(orm: MikroORM): Promise<void> {
  const pending = (await orm.migrator.getPending()).map((m) => m.name);
  if (pending.length > 0)
    throw new Error(
      `Schema "${orm.config.get('schema')}" has ${pending.length} pending migration(s) (${pending.join(', ')}): run \`node main.js migrate\` first.`,
    );
}

/** A database a service serves on: what start-up checks, and closes when it fails. */
export interface ServedDatabase {
  assertMigrated(): Promise<void>;
  close(): Promise<void>;
}

/** Builds what serves on `db` once `migrate` has brought it up to date; closes `db` if building fails. */
export async function whenMigrated<T>(db: ServedDatabase, build: () => Promise<T>): Promise<T> {
  try {
    await db.assertMigrated();
    return await build();
  } catch (error) {
    await db.close();
    throw error;
  }
}

export interface ServiceSchema extends Pick<PersistenceOptions, 'entities' | 'migrations'> {
  /** The service, as PostgreSQL's `application_name` shows it. */
  service: string;
  /** Connections the ORM may hold at once (migrations, the consumers' processed_event marks). */
  ormPoolSize: number;
}

/**
 * A service's own schema: the ORM for its migrations and entities, and a pool whose `search_path`
 * is the schema, for the SQL it writes by hand.
 */
export class ServiceDatabase {
  protected constructor(
    readonly orm: MikroORM,
    readonly pool: Pool,
    readonly schema: string,
  ) {}

  protected static async connect(
    config: DatabaseConfig,
    { service, entities, migrations, ormPoolSize }: ServiceSchema,
    log: (m: string) => void,
  ): Promise<[MikroORM, Pool]> {
    const orm = await openOrm({
      url: config.databaseUrl,
      schema: config.databaseSchema,
      entities,
      migrations,
      poolSize: ormPoolSize,
    });
    const pool = createPool(
      {
        connectionString: config.databaseUrl,
        max: config.databasePoolSize,
        application_name: `interscambio-${service}`,
        options: `-c search_path=${config.databaseSchema}`,
      },
      log,
    );
    return [orm, pool];
  }

  /** `"<schema>"."<table>"` */
  table(name: string): string {
    return qualifiedTable(this.schema, name);
  }

  assertMigrated(): Promise<void> {
    return assertMigrated(this.orm);
  }

  async close(): Promise<void> {
    await this.pool.end();
    await this.orm.close();
  }

  /** The `migrate` command on a database opened for it alone: never run at boot, where replicas would race. */
  static async migrateAndClose(db: ServiceDatabase): Promise<string[]> {
    try {
      return await migrate(db.orm);
    } finally {
      await db.close();
    }
  }
}
