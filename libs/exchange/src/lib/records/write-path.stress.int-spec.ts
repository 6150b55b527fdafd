import { setTimeout as sleep } from 'node:timers/promises';
import { verifyAudit } from '@interscambio/audit';
import { fromCloudEventMessage, KafkajsBus } from '@interscambio/messaging';
import type { CloudEvent } from '@interscambio/messaging';
import { forSuite, testKafkaBrokers, uniqueName } from '@interscambio/testing';
import { startProvaTestApp } from '../../../test/prova-test-app';
import { AuditSealerLifecycle } from '../trail/audit-sealer.lifecycle';
import { decodeFeedCursor, FEED_START } from '../feed/cursor';
import type { FeedItem } from '../feed/feed.reader';
import { FeedReader } from '../feed/feed.reader';
import { Database } from '../storage/database';
import { RecordWriter } from './record-writer';
import type { RecordCommand } from './record.types';

const WRITERS = 32;
const TRANSACTIONS = 12;
const KEYS = 16;
const trace = (writer: number) => ({ correlationId: `w${writer}`, actor: { clientId: `w${writer}`, ente: '082053' } });
const random = (below: number): number => Math.floor(Math.random() * below);

/** Every event on `topic` up to its current end, read by a group of its own. */
async function readAll(bus: KafkajsBus, topic: string): Promise<CloudEvent[]> {
  const admin = await bus.admin();
  const ends = new Map((await admin.topicOffsets(topic)).map((o) => [o.partition, BigInt(o.high)]));
  await admin.close();
  for (const [partition, high] of ends) if (high === 0n) ends.delete(partition);
  const events: CloudEvent[] = [];
  if (ends.size === 0) return events;
  const consumer = await bus.consumer({ groupId: uniqueName('stress-reader'), topics: [topic], fromBeginning: true });
  await new Promise<void>((resolve) => {
    void consumer.run(async (m) => {
      events.push(fromCloudEventMessage(m));
      if (BigInt(m.offset) + 1n >= (ends.get(m.partition) ?? 0n)) ends.delete(m.partition);
      if (ends.size === 0) resolve();
    });
  });
  await consumer.close();
  return events;
}

describe('the write path under 32 concurrent writers, some rolled back, while the feed and the relay run', () => {
  const t = forSuite(() => startProvaTestApp('write_stress'));
  const bus = new KafkajsBus(testKafkaBrokers(), uniqueName('stress'));

  it('shows every committed change exactly once, in commit order per record, and nothing rolled back', async () => {
    const db = t.app.get(Database);
    const writer = t.app.get(RecordWriter);
    const feed = t.app.get(FeedReader);
    const committed = new Set<string>();
    let rolledBack = 0;

    // A transaction: random keys, a pause before and after writing, then commit or (one in six) roll back.
    const transaction = async (w: number, n: number): Promise<void> => {
      const keys = [...new Set(Array.from({ length: 1 + random(3) }, () => `K${random(KEYS)}`))];
      const rollback = random(6) === 0;
      const nota = `${rollback ? 'rb' : 'ok'}-w${w}-t${n}`;
      const commands: RecordCommand[] = keys.map((key) => ({
        op: 'put',
        type: 'avviso',
        ente: '082053',
        key,
        data: { anno: 2000 + n, nota },
      }));
      const client = await db.pool.connect();
      try {
        await client.query('begin');
        await sleep(random(15));
        const outcomes = await writer.write(client, commands, trace(w));
        await sleep(random(15));
        if (rollback) {
          await client.query('rollback');
          rolledBack += 1;
          return;
        }
        await client.query('commit');
        db.changes.committed();
        for (const o of outcomes)
          if (o.status === 'created' || o.status === 'updated') committed.add(`${o.key}@${o.revision}`);
      } finally {
        client.release();
      }
    };

    let writing = true;
    const seen: FeedItem[] = [];
    let lastPlace = FEED_START;
    const follow = async (): Promise<void> => {
      let after = FEED_START;
      for (let idle = 0; writing || idle < 2;) {
        const page = await feed.changes('082053', after, ['avviso'], 7);
        seen.push(...page.items);
        after = decodeFeedCursor(page.next);
        lastPlace = after;
        idle = page.items.length === 0 ? idle + 1 : 0;
        if (page.items.length === 0) await sleep(5);
      }
    };
    const reader = follow();
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let n = 0; n < TRANSACTIONS; n++) await transaction(w, n);
      }),
    );
    writing = false;
    await reader;
    // Other test files share the PostgreSQL cluster: what their transactions still held back is read now.
    const settled = `select coalesce((select max(tx) from record_change), 0)
      < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint as settled`;
    while (!(await t.sql.query<{ settled: boolean }>(settled)).rows[0]?.settled) await sleep(20);
    for (let after = seen.length > 0 ? lastPlace : FEED_START; ;) {
      const page = await feed.changes('082053', after, ['avviso'], 100);
      if (page.items.length === 0) break;
      seen.push(...page.items);
      after = decodeFeedCursor(page.next);
    }

    expect(rolledBack).toBeGreaterThan(0);
    // The feed: every committed change once, none of a rolled-back transaction, each record's in order.
    const feedChanges = seen.map((i) => `${i.key}@${i.revision}`);
    expect(new Set(feedChanges).size).toBe(feedChanges.length);
    expect(new Set(feedChanges)).toEqual(committed);
    expect(seen.filter((i) => String((i.data as { nota: string }).nota).startsWith('rb-'))).toEqual([]);
    for (let k = 0; k < KEYS; k++) {
      const revisions = seen.filter((i) => i.key === `K${k}`).map((i) => i.revision);
      expect(revisions).toEqual(revisions.map((_, i) => i + 1));
    }

    // Kafka: one event per committed change, each record's revisions in order.
    for (let i = 0; (await t.sql.query('select 1 from outbox where sent_at is null limit 1')).rowCount !== 0; i++) {
      if (i > 600) throw new Error('the outbox was not drained in 30 s');
      await sleep(50);
    }
    const events = await readAll(bus, `${t.topicPrefix}.prova.avviso`);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(new Set(events.map((e) => `${e.subject}@${e.headers['ce_revision']}`))).toEqual(committed);
    expect(events).toHaveLength(committed.size);
    for (let k = 0; k < KEYS; k++) {
      const revisions = events.filter((e) => e.subject === `K${k}`).map((e) => Number(e.headers['ce_revision']));
      expect(revisions).toEqual(revisions.map((_, i) => i + 1));
    }

    // The audit trail: one entry per committed change, chained and intact.
    await t.app.get(AuditSealerLifecycle).sealNow();
    const verification = await verifyAudit(db.pool, db.schema);
    expect(verification).toMatchObject({ intact: true, entries: committed.size, pending: 0 });
  });
});
