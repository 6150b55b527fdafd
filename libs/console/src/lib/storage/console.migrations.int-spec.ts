import { ProcessedEvent } from '@interscambio/messaging';
import { openOrm } from '@interscambio/persistence';
import { testDatabase } from '@interscambio/testing';
import type { TestDatabase } from '@interscambio/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Pool } from 'pg';
import { consoleMigrations } from './console.migrations';

describe("the console's migrations, on a schema that had its own operators (real PostgreSQL)", () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let pool: Pool;
  const sql = async (text: string, values: unknown[] = []): Promise<unknown[]> => (await pool.query(text, values)).rows;

  beforeAll(async () => {
    db = await testDatabase('console_migrations');
    orm = await openOrm({
      url: db.url,
      schema: db.schema,
      entities: [ProcessedEvent],
      migrations: consoleMigrations,
      poolSize: 1,
    });
    pool = new Pool({ connectionString: db.url, max: 1, options: `-c search_path=${db.schema}` });
  });

  afterAll(async () => {
    await pool?.end();
    await orm?.close();
    await db?.drop();
  });

  it('drops the operator table, ends the sessions that named its ids, and keeps the audit of who acted', async () => {
    await orm.migrator.up({ to: 'Migration20261203160001Console' });
    const id = '6f1c2a0e-5b7d-4c1e-9a3b-2d4e6f8a0b1c';
    await sql(`insert into operator (id, email, display_name, password_hash) values ($1, 'a@b.it', 'A', 'scrypt$x')`, [
      id,
    ]);
    await sql(
      `insert into operator_session (id_hash, operator_id, csrf_token, expires_at) values ('h', $1, 't', now())`,
      [id],
    );
    await sql(
      `insert into dead_letter (topic, partition, "offset", source_topic, headers) values ('t.dlq', 0, 1, 't', '{}')`,
    );
    await sql(
      `insert into dead_letter_action (dead_letter_id, action, operator_id, operator_email, reason)
       select id, 'discarded', $1, 'a@b.it', 'prova' from dead_letter`,
      [id],
    );

    await orm.migrator.up();

    const [tables] = await sql(`select to_regclass('operator') is not null as operator`);
    expect(tables).toEqual({ operator: false });
    expect(await sql('select * from operator_session')).toEqual([]);
    expect(await sql('select operator_id, operator_email, reason from dead_letter_action')).toEqual([
      { operator_id: id, operator_email: 'a@b.it', reason: 'prova' },
    ]);
  });
});
