import { RequestContext } from '@mikro-orm/core';
import type { Env } from '@interscambio/config';
import { loadRegistryDatabaseConfig } from '../config/registry.config';
import { RegistryDatabase } from '../storage/registry.database';

/** A command's database: a small pool, one request context for the whole run, closed at the end. */
export async function withCommandDatabase<T>(env: Env, work: (db: RegistryDatabase) => Promise<T>): Promise<T> {
  const db = await RegistryDatabase.open(loadRegistryDatabaseConfig(env), 2);
  try {
    await db.assertMigrated();
    return await RequestContext.create(db.orm.em, () => work(db));
  } finally {
    await db.close();
  }
}
