import type { DatabaseConfig } from '@interscambio/config';
import { migrate } from '@interscambio/persistence';
import { RequestContext } from '@mikro-orm/core';
import { seedEnti } from '../enti/enti.seed';
import type { EntiSeedOutcome } from '../enti/enti.seed';
import { RegistryDatabase } from './registry.database';

export interface MigrateOutcome {
  applied: string[];
  enti: EntiSeedOutcome;
}

/** The `migrate` command: brings the schema up to date, then seeds the enti; never run at boot (replicas would race). */
export async function migrateRegistry(config: DatabaseConfig, entiFile?: string): Promise<MigrateOutcome> {
  const db = await RegistryDatabase.open(config, 1);
  try {
    const applied = await migrate(db.orm);
    const enti = await RequestContext.create(db.orm.em, () => seedEnti(db.em, entiFile));
    return { applied, enti };
  } finally {
    await db.close();
  }
}
