// Scenario 3: the durable write of one record (feed position, record row, outbox event and audit
// entry in one transaction) vs a bare transaction inserting one row into a comparable table.
import { createHash } from 'node:crypto';
import { appendAudit } from '@interscambio/audit';
import { appendOutbox } from '@interscambio/messaging';
import { SchemaCatalog } from '@interscambio/schemas';
import { Pool } from 'pg';
import type { PoolClient } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { benchEnv, progress } from './lib/bench-env';
import { benchSchema } from './lib/bench-schema';
import { asyncRate, compare } from './lib/compare';
import { ENTI, recordDocuments, recordType, THEME, TYPE } from './lib/documents';
import { recordEvent } from './lib/record-events';
import { recordTablesSql, writeSql } from './lib/record-write.sql';
import { scenario } from './lib/report';

const ROUND_MS = 700;
const ROUNDS = 3;
const CONCURRENCY = [1, 8];
const OURS_NOTE =
  "ours = the bench's model of RecordStore.upsert (not exported, still changing): lock feed_counter, read the current row, take the next position, upsert the record, appendOutbox and appendAudit (the real library functions); bare = one insert";

type Write = (client: PoolClient) => Promise<void>;

async function transaction(pool: Pool, work: Write): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await work(client);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

async function main(): Promise<void> {
  const env = benchEnv();
  const info = recordType(SchemaCatalog.load());
  const docs = recordDocuments(info);
  const schema = await benchSchema(env.databaseUrl, 'bench_write');
  const pool = new Pool({ connectionString: env.databaseUrl, max: Math.max(...CONCURRENCY) });
  const sql = writeSql(schema.table);
  const topic = `interscambio.${THEME}.${TYPE}`;
  let written = 0;
  const recordWrite =
    (serialised: boolean, audited = true): Write =>
    async (client) => {
      const i = written++;
      const data = docs[i % docs.length];
      const event = recordEvent(topic, info.id, data, i);
      const [ente, key] = event.key.split('/') as [string, string];
      const json = JSON.stringify(data);
      const hash = createHash('sha256').update(`${info.major}\n${json}`).digest('hex');
      if (serialised) await client.query(sql.lockFeed);
      await client.query(sql.current, [TYPE, ente, key]);
      const next = await client.query<{ position: string }>(serialised ? sql.nextPosition : sql.sequencePosition);
      const { rows } = await client.query<{ revision: number; updated_at: Date }>(sql.upsert, [
        uuidv7(),
        TYPE,
        ente,
        key,
        json,
        hash,
        next.rows[0]?.position,
      ]);
      const stored = rows[0] as { revision: number; updated_at: Date };
      const headers = { ...event.headers, 'interscambio-revision': String(stored.revision) };
      await appendOutbox(client, schema.name, [{ ...event, time: stored.updated_at.toISOString(), headers }]);
      if (audited)
        await appendAudit(client, schema.name, [
          {
            clientId: `sandbox-${ente}`,
            ente,
            action: stored.revision === 1 ? 'created' : 'updated',
            recordType: TYPE,
            recordEnte: ente,
            recordKey: key,
            revision: stored.revision,
            correlationId: event.id,
          },
        ]);
    };
  let bareWritten = 0;
  const bare: Write = async (client) => {
    const i = bareWritten++;
    const ente = ENTI[i % ENTI.length] as string;
    await client.query(sql.bareInsert, [uuidv7(), TYPE, ente, `pos-${i}`, JSON.stringify(docs[i % docs.length])]);
  };
  const bareWithNotify: Write = async (client) => {
    await bare(client);
    await client.query(`select pg_notify('${schema.name}', '')`);
  };
  const measure = (ours: Write, workers: number) => () =>
    compare({
      ours: () => asyncRate(() => transaction(pool, ours), ROUND_MS, workers),
      bare: () => asyncRate(() => transaction(pool, bare), ROUND_MS, workers),
      rounds: ROUNDS,
    });
  try {
    for (const statement of recordTablesSql(schema.table)) await pool.query(statement);
    for (const workers of CONCURRENCY) {
      progress(`write path: ${workers} concurrent transaction(s)`);
      await scenario(
        'durable write',
        `one record per transaction, concurrency ${workers}`,
        'tx/s',
        measure(recordWrite(true), workers),
        OURS_NOTE,
      );
    }
    const workers = Math.max(...CONCURRENCY);
    progress(`write path: diagnostics at concurrency ${workers}`);
    await scenario(
      'durable write',
      `concurrency ${workers}, diagnostic: ours without the audit entry`,
      'tx/s',
      measure(recordWrite(true, false), workers),
      'the same write without appendAudit: isolates what the hash-chained audit trail (its head lock, one insert) costs',
    );
    await scenario(
      'durable write',
      `concurrency ${workers}, diagnostic: ours without the feed_counter lock`,
      'tx/s',
      measure(recordWrite(false, false), workers),
      'positions from a sequence instead (not usable: out of commit order), and no audit entry (its head lock would serialise writers again): isolates what serialising writers on feed_counter costs',
    );
    // PostgreSQL serialises the commits of transactions that sent a NOTIFY (one lock on the queue).
    await scenario(
      'durable write',
      `concurrency ${workers}, diagnostic: bare insert + pg_notify`,
      'tx/s',
      measure(bareWithNotify, workers),
      '"ours" column = the bare insert plus one pg_notify, as appendOutbox sends: what NOTIFY alone costs concurrent commits',
    );
    const counts = await pool.query<{ records: string; events: string }>(
      `select (select count(*) from ${schema.table('record')}) as records, (select count(*) from ${schema.table('outbox')}) as events`,
    );
    const { records, events } = counts.rows[0] as { records: string; events: string };
    if (Number(records) !== written || Number(events) !== written)
      throw new Error(`${written} writes left ${records} records and ${events} outbox events`);
  } finally {
    await pool.end();
    await schema.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
