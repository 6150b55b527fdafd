import { auditMigrations } from '@interscambio/audit';
import { messagingMigrations, ProcessedEvent } from '@interscambio/messaging';
import { migrate, openOrm } from '@interscambio/persistence';
import { Client } from 'pg';
import { uniqueName } from './bench-env';

export interface BenchSchema {
  name: string;
  /** `"<schema>"."<table>"` */
  table(name: string): string;
  drop(): Promise<void>;
}

/** A fresh schema with the messaging (outbox, processed_event) and audit migrations; drop() removes it all. */
export async function benchSchema(url: string, prefix: string): Promise<BenchSchema> {
  const name = uniqueName(prefix);
  const drop = async (): Promise<void> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`drop schema if exists "${name}" cascade`);
    } finally {
      await client.end();
    }
  };
  const orm = await openOrm({
    url,
    schema: name,
    entities: [ProcessedEvent],
    migrations: [...messagingMigrations, ...auditMigrations],
    poolSize: 1,
  });
  try {
    await migrate(orm);
  } catch (error) {
    await drop();
    throw error;
  } finally {
    await orm.close();
  }
  return { name, table: (table) => `"${name}"."${table}"`, drop };
}
