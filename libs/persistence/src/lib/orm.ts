import type { MigrationObject } from '@mikro-orm/core';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM } from '@mikro-orm/postgresql';
import { quoteIdentifier } from './sql/identifier';

export interface PersistenceOptions {
  /** postgres:// URL of the database. */
  url: string;
  /** The service's own PostgreSQL schema: its tables and its migration history live there. */
  schema: string;
  entities: (abstract new (...args: never[]) => object)[];
  /** Committed migrations, in order. Each service lists its own plus those of the libraries it uses. */
  migrations: MigrationObject[];
  poolSize?: number;
}

export async function openOrm(options: PersistenceOptions): Promise<MikroORM> {
  return MikroORM.init({
    clientUrl: options.url,
    schema: options.schema,
    entities: options.entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    migrations: {
      migrationsList: options.migrations,
      tableName: 'mikro_orm_migrations',
      schema: options.schema,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    pool: { min: 0, max: options.poolSize ?? 10 },
    // Every unit of work must run in a request context (HTTP request or Kafka handler); using the
    // global EntityManager by accident would share identity maps between requests.
    allowGlobalContext: false,
    ensureDatabase: false,
  });
}

/**
 * Applies pending migrations. Run by a command (`npm start` runs it before the services start),
 * never from a service's boot, so replicas do not race each other.
 */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const schema = orm.config.get('schema');
  if (schema) await orm.em.getConnection().execute(`create schema if not exists ${quoteIdentifier(schema)}`);
  const applied = await orm.migrator.up();
  return applied.map((m) => m.name);
}
