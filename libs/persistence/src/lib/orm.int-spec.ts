import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { MigrationObject } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import type { MikroORM } from '@mikro-orm/postgresql';
import { testDatabase } from '@interscambio/testing';
import type { TestDatabase } from '@interscambio/testing';
import { migrate, openOrm } from './orm';

@Entity({ tableName: 'ente_probe' })
class EnteProbe {
  @PrimaryKey({ type: 'text' })
  codiceIstat!: string;

  @Property({ type: 'text' })
  nome!: string;
}

class Migration1CreateEnteProbe extends Migration {
  override up(): void {
    this.addSql('create table "ente_probe" ("codice_istat" text primary key, "nome" text not null)');
  }
}
const migrations: MigrationObject[] = [{ name: 'Migration1CreateEnteProbe', class: Migration1CreateEnteProbe }];

describe('persistence on the real PostgreSQL', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await testDatabase('persistence');
    orm = await openOrm({ url: db.url, schema: db.schema, entities: [EnteProbe], migrations });
  });

  afterAll(async () => {
    await orm.close();
    await db.drop();
  });

  it('creates the table through the committed migration, in the service schema, once', async () => {
    expect(await migrate(orm)).toEqual(['Migration1CreateEnteProbe']);
    expect(await migrate(orm)).toEqual([]);
    const rows = await orm.em
      .getConnection()
      .execute(`select table_schema from information_schema.tables where table_name = 'ente_probe'`);
    expect(rows.map((r: { table_schema: string }) => r.table_schema)).toEqual([db.schema]);
  });

  it('writes an entity and reads it back from a fresh unit of work', async () => {
    const write = orm.em.fork();
    write.create(EnteProbe, { codiceIstat: '082053', nome: 'Palermo' });
    await write.flush();

    const read = orm.em.fork();
    const found = await read.findOneOrFail(EnteProbe, { codiceIstat: '082053' });
    expect(found.nome).toBe('Palermo');
  });

  it('refuses to work outside a request context', () => {
    expect(() => orm.em.create(EnteProbe, { codiceIstat: '082000', nome: 'X' })).toThrow(/global/i);
  });
});
