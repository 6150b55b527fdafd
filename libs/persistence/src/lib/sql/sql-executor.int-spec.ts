import { testDatabase } from '@interscambio/testing';
import type { TestDatabase } from '@interscambio/testing';
import { Pool } from 'pg';
import { prepared } from './sql-executor';

describe('prepared statements on the real PostgreSQL', () => {
  let db: TestDatabase;
  let pool: Pool;
  const echo = 'select $1::int as n, $2::text as who';

  beforeAll(async () => {
    db = await testDatabase('prepared');
    pool = new Pool({ connectionString: db.url, max: 3 });
  });

  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('names a statement by its text, the same text always alike', () => {
    expect(prepared(echo).name).toBe(prepared(echo).name);
    expect(prepared(echo).name).not.toBe(prepared(`${echo} `).name);
    expect(prepared(echo).name).toMatch(/^ix_[0-9a-f]{24}$/);
  });

  it('answers each query of one statement with its own values, through the pool and a client in turn', async () => {
    const client = await pool.connect();
    try {
      // The pool passes a callback to node-postgres, a client's promise form does not: one config
      // object shared by both would carry the pool's callback into the client's query.
      const asked = Array.from({ length: 20 }, (_, n) => ({ n, who: n % 2 ? 'pool' : 'client' }));
      const answers = [];
      for (const { n, who } of asked)
        answers.push(await (who === 'pool' ? pool : client).query(prepared(echo), [n, who]));
      const concurrent = await Promise.all(
        asked.map(({ n, who }) => (who === 'pool' ? pool : client).query(prepared(echo), [n, who])),
      );
      expect(answers.map((a) => a?.rows[0])).toEqual(asked);
      expect(concurrent.map((a) => a?.rows[0])).toEqual(asked);
    } finally {
      client.release();
    }
  });
});
