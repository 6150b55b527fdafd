import type { MigrationObject } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import type { MikroORM } from '@mikro-orm/postgresql';
import { testDatabase } from '@interscambio/testing';
import type { TestDatabase } from '@interscambio/testing';
import { createProbeTable, Probe } from '../../test';
import { migrate, openOrm } from './orm';

class Migration1CreateProbe extends Migration {
  override up(): void {
    this.addSql(createProbeTable());
  }
}
const migrations: MigrationObject[] = [{ name: 'Migration1CreateProbe', class: Migration1CreateProbe }];

describe('persistence on the real PostgreSQL', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await testDatabase('persistence');
    orm = await openOrm({ url: db.url, schema: db.schema, entities: [Probe], migrations });
  });

  afterAll(async () => {
    await orm.close();
    await db.drop();
  });

  it('creates the table through the committed migration, in the service schema, once', async () => {
    expect(await migrate(orm)).toEqual(['Migration1CreateProbe']);
    expect(await migrate(orm)).toEqual([]);
    const rows = await orm.em
      .getConnection()
      .execute(`select table_schema from information_schema.tables where table_name = 'probe'`);
    expect(rows.map((r: { table_schema: string }) => r.table_schema)).toEqual([db.schema]);
  });

  it('writes an entity and reads it back from a fresh unit of work', async () => {
    const write = orm.em.fork();
    write.create(Probe, { id: '082053', n: 82053 });
    await write.flush();

    const read = orm.em.fork();
    const found = await read.findOneOrFail(Probe, { id: '082053' });
    expect(found.n).toBe(82053);
  });

  it('refuses to work outside a request context', () => {
    expect(() => orm.em.create(Probe, { id: '082000', n: 0 })).toThrow(/global/i);
  });
});
