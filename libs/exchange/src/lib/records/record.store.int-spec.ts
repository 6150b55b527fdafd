import { testDatabase } from '@interscambio/testing';
import type { TestDatabase } from '@interscambio/testing';
import { ExchangeSettings } from '../exchange.settings';
import { RevisionMismatchError } from '../problem/exchange.error';
import { Database } from '../storage/database';
import { migrateThemeSchema } from '../storage/theme.migrations';
import { inTransaction } from '@interscambio/persistence';
import { contentHash } from './content-hash';
import { RecordStore } from './record.store';
import type { ExpectedRevision, RecordTypeRef, WriteOutcome } from './record.types';

const ref: RecordTypeRef = {
  type: 'voce',
  major: 1,
  visibility: 'pubblico',
  dataschema: 'https://schemas.interscambio.it/prova/voce/1.json',
};
const trace = { correlationId: 'test', actor: { clientId: 'test-client', ente: '082053' } };

describe('RecordStore under concurrent writers', () => {
  let tdb: TestDatabase;
  let db: Database;
  let store: RecordStore;

  beforeAll(async () => {
    tdb = await testDatabase('exchange_store');
    await migrateThemeSchema(tdb.url, tdb.schema);
    db = new Database(tdb.url, tdb.schema, 20);
    store = new RecordStore(db, new ExchangeSettings('prova', 'test'));
  });

  afterAll(async () => {
    await db.onApplicationShutdown();
    await tdb.drop();
  });

  const write = (key: string, n: number, expected?: ExpectedRevision): Promise<WriteOutcome[]> =>
    inTransaction(db.pool, (client) =>
      store.upsert(client, ref, [{ ente: '082053', key, data: { n }, hash: contentHash({ n }, 1), expected }], trace),
    );

  it('gives racing first writes of one key consecutive revisions, one event each, none lost', async () => {
    const outcomes = (await Promise.all(Array.from({ length: 20 }, (_, n) => write('RACE', n)))).flat();
    expect(outcomes.map((o) => o.revision).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, n) => n + 1));
    expect(outcomes.filter((o) => o.status === 'created')).toHaveLength(1);

    const { rows } = await db.pool.query(`select revision from ${db.table('record')} where key = 'RACE'`);
    expect(rows).toEqual([{ revision: 20 }]);
    const events = await db.pool.query<{ type: string }>(
      `select headers->>'ce_type' as type from ${db.table('outbox')} where key = '082053/RACE' order by seq`,
    );
    expect(events.rows.map((e) => e.type)).toEqual([
      'it.interscambio.prova.voce.created',
      ...Array(19).fill('it.interscambio.prova.voce.updated'),
    ]);
  });

  it('lets only one of two writers holding the same If-Match revision through', async () => {
    await write('MATCH', 0);
    const results = await Promise.allSettled([write('MATCH', 1, 1), write('MATCH', 2, 1)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(RevisionMismatchError);
  });

  it('makes a writer wait for the open one to commit before it takes its feed position', async () => {
    const first = await db.pool.connect();
    await first.query('begin');
    await store.upsert(
      first,
      ref,
      [{ ente: '082053', key: 'FIRST', data: { n: 1 }, hash: contentHash({ n: 1 }, 1) }],
      trace,
    );
    const second = write('SECOND', 2);
    // Wait until the second writer is blocked on a lock, then let the first commit.
    while (
      (
        await db.pool.query(`select 1 from pg_stat_activity where wait_event_type = 'Lock' and application_name = $1`, [
          `interscambio-${tdb.schema}`,
        ])
      ).rowCount === 0
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await first.query('commit');
    first.release();
    await second;
    const { rows } = await db.pool.query<{ key: string }>(
      `select key from ${db.table('record')} where key in ('FIRST', 'SECOND') order by feed_position`,
    );
    expect(rows.map((r) => r.key)).toEqual(['FIRST', 'SECOND']);
  });
});
