import type { PoolClient } from 'pg';
import { forSuite } from '@interscambio/testing';
import { startProvaTestApp } from '../../../test/prova-test-app';
import { FEED_START } from '../feed/cursor';
import type { FeedPlace } from '../feed/cursor';
import { decodeFeedCursor } from '../feed/cursor';
import { FeedReader } from '../feed/feed.reader';
import { Database } from '../storage/database';
import { RecordWriter } from './record-writer';
import type { RecordCommand, RecordOutcome, RequestTrace } from './record.types';

const trace: RequestTrace = { correlationId: 'test', actor: { clientId: 'test-082053', ente: '082053' } };
const put = (key: string, anno: number, extra: Partial<RecordCommand> = {}): RecordCommand =>
  ({ op: 'put', type: 'avviso', ente: '082053', key, data: { anno }, ...extra }) as RecordCommand;

describe('RecordWriter on the real PostgreSQL', () => {
  const t = forSuite(() => startProvaTestApp('record_writer'));
  let db: Database;
  let writer: RecordWriter;
  let feed: FeedReader;

  beforeAll(async () => {
    db = t.app.get(Database);
    writer = t.app.get(RecordWriter);
    feed = t.app.get(FeedReader);
  });

  const write = (commands: RecordCommand[]): Promise<RecordOutcome[]> =>
    db.write((tx) => writer.write(tx, commands, trace));

  /** A transaction left open by the test, to commit (or roll back) when it says. */
  async function open(): Promise<PoolClient & { commit(): Promise<void> }> {
    const client = await db.pool.connect();
    await client.query('begin');
    return Object.assign(client, {
      async commit() {
        await client.query('commit');
        client.release();
      },
    });
  }

  /** Every change the feed shows after `from`, page by page. */
  async function feedFrom(from: FeedPlace, limit = 3): Promise<string[]> {
    const seen: string[] = [];
    for (let after = from; ;) {
      const page = await feed.changes('082053', after, ['avviso'], limit);
      if (page.items.length === 0) return seen;
      seen.push(...page.items.map((i) => `${i.key}@${i.revision}`));
      after = decodeFeedCursor(page.next);
    }
  }
  /**
   * The end of the feed once every change committed so far is readable. Other test files share the
   * PostgreSQL cluster, and any of their transactions can hold the feed back for a while.
   */
  async function end(): Promise<FeedPlace> {
    const settled = `select coalesce((select max(tx) from record_change), 0)
      < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint as settled`;
    while (!(await t.sql.query<{ settled: boolean }>(settled)).rows[0]?.settled)
      await new Promise((resolve) => setTimeout(resolve, 20));
    return decodeFeedCursor((await feed.changes('082053', FEED_START, undefined, 1000)).next);
  }

  it('gives racing first writes of one key consecutive revisions, one event each, none lost', async () => {
    const outcomes = (await Promise.all(Array.from({ length: 20 }, (_, n) => write([put('RACE', n)])))).flat();
    expect(outcomes.map((o) => (o.status === 'rejected' ? 0 : o.revision)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, n) => n + 1),
    );
    expect(outcomes.filter((o) => o.status === 'created')).toHaveLength(1);
    const events = await t.sql.query<{ type: string; revision: string }>(
      `select headers->>'ce_type' as type, headers->>'interscambio-revision' as revision from outbox
       where key = '082053/RACE' order by seq`,
    );
    // The outbox, hence Kafka, has them in revision order: the order the record's lock gave them.
    expect(events.rows.map((e) => Number(e.revision))).toEqual(Array.from({ length: 20 }, (_, n) => n + 1));
    expect(events.rows[0]?.type).toBe('it.interscambio.prova.avviso.created');
  });

  it('lets only one of two writers holding the same If-Match revision through', async () => {
    await write([put('MATCH', 0)]);
    const outcomes = (
      await Promise.all([write([put('MATCH', 1, { expected: 1 })]), write([put('MATCH', 2, { expected: 1 })])])
    ).flat();
    expect(outcomes.map((o) => o.status).sort()).toEqual(['rejected', 'updated']);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({
      rejection: { code: 'revision-mismatch', current: 2 },
    });
  });

  it('does not make a writer wait for another one writing a different record', async () => {
    const first = await open();
    await writer.write(first, [put('SLOW', 1)], trace);
    // With the old feed counter this second write queued behind the first until it committed.
    const second = await open();
    await second.query("set local lock_timeout = '500ms'");
    await expect(writer.write(second, [put('FAST', 1)], trace)).resolves.toMatchObject([{ status: 'created' }]);
    await second.commit();
    await first.commit();
  });

  it('shows a change that commits late, holding an early place, to a reader already past the ones after it', async () => {
    const from = await end();
    const late = await open();
    await writer.write(late, [put('LATE', 1)], trace);
    await write([put('EARLY-1', 1)]);
    await write([put('EARLY-2', 1)]);
    // The late transaction still runs: what committed after it started is held back, not skipped;
    // the reader waits for it (briefly: other test files' feeds wait while it is open).
    const reading = feed.changes('082053', from, ['avviso'], 100);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await late.commit();
    expect((await reading).items.map((i) => `${i.key}@${i.revision}`)).toEqual(['LATE@1', 'EARLY-1@1', 'EARLY-2@1']);
    expect(await feedFrom(from)).toEqual(['LATE@1', 'EARLY-1@1', 'EARLY-2@1']);
  });

  it("keeps one record's changes in commit order when the later one's transaction started first", async () => {
    const from = await end();
    // `first` gets its transaction id now, before `second` exists, but writes the record after it.
    const first = await open();
    await writer.write(first, [put('OTHER', 1)], trace);
    await write([put('TURN', 1)]);
    await writer.write(first, [put('TURN', 2)], trace);
    await first.commit();
    expect(await feedFrom(from)).toEqual(['OTHER@1', 'TURN@1', 'TURN@2']);
    const list = await feed.page('082053', FEED_START, { type: ['avviso'], live: true }, 1000);
    expect(list.items.filter((i) => i.key === 'TURN').map((i) => i.revision)).toEqual([2]);
  });

  it('stores the same content once: no revision, no change, no event, no audit entry', async () => {
    await write([put('SAME', 7)]);
    const counts = async (): Promise<unknown> =>
      (
        await t.sql.query(
          `select (select count(*)::int from outbox) as events, (select count(*)::int from record_change) as changes,
             (select count(*)::int from audit_pending) + (select count(*)::int from audit_entry) as audits`,
        )
      ).rows[0];
    const before = await counts();
    // Unchanged: the current revision, with the receipt it was given when it was written.
    const [first] = await t.sql.query(`select receipt from record_change where key = 'SAME'`).then((r) => r.rows);
    expect(await write([put('SAME', 7)])).toEqual([
      { ente: '082053', key: 'SAME', status: 'unchanged', revision: 1, receipt: first.receipt },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('answers each command of a mixed list with its own outcome, writing only the sound ones', async () => {
    await write([put('KEEP', 1), put('OLD', 1)]);
    const outcomes = await write([
      put('NEW', 1),
      put('NEW', 2),
      { op: 'put', type: 'avviso', ente: '082006', key: 'THEIRS', data: { anno: 1 } },
      { op: 'put', type: 'nessuno', ente: '082053', key: 'X', data: {} },
      put('BAD', 'duemila' as unknown as number),
      { op: 'put', type: 'avviso', ente: '082053', key: 'NUL', data: { anno: 1, nota: 'a\u0000b' } },
      put('KEEP', 2, { ifAbsent: true }),
      { op: 'delete', type: 'avviso', ente: '082053', key: 'MISSING' },
      { op: 'delete', type: 'avviso', ente: '082053', key: 'OLD', expected: 9 },
    ]);
    expect(outcomes).toEqual([
      { ente: '082053', key: 'NEW', status: 'created', revision: 1, receipt: expect.any(String) },
      {
        ente: '082053',
        key: 'NEW',
        status: 'rejected',
        rejection: {
          code: 'invalid-record',
          issues: [expect.objectContaining({ pointer: '/key', keyword: 'uniqueItems' })],
        },
      },
      {
        ente: '082006',
        key: 'THEIRS',
        status: 'rejected',
        rejection: { code: 'foreign-ente', ente: '082006', writer: trace.actor },
      },
      { ente: '082053', key: 'X', status: 'rejected', rejection: { code: 'unknown-record-type', type: 'nessuno' } },
      {
        ente: '082053',
        key: 'BAD',
        status: 'rejected',
        rejection: {
          code: 'invalid-record',
          issues: [expect.objectContaining({ pointer: '/data/anno', keyword: 'type' })],
        },
      },
      {
        ente: '082053',
        key: 'NUL',
        status: 'rejected',
        rejection: {
          code: 'invalid-record',
          issues: [expect.objectContaining({ pointer: '/data/nota', keyword: 'text' })],
        },
      },
      { ente: '082053', key: 'KEEP', status: 'kept', revision: 1 },
      { ente: '082053', key: 'MISSING', status: 'rejected', rejection: { code: 'record-not-found' } },
      { ente: '082053', key: 'OLD', status: 'rejected', rejection: { code: 'revision-mismatch', current: 1 } },
    ]);
    const { rows } = await t.sql.query(`select key from record where key in ('NEW', 'THEIRS', 'X', 'BAD', 'NUL')`);
    expect(rows).toEqual([{ key: 'NEW' }]);
  });
});
