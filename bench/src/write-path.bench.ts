// Scenario 3: the durable write through the real RecordWriter (one statement: record, change log,
// outbox event, audit entry; the relay and the audit sealer running as in the service) vs a bare
// pg transaction that upserts the same record row and inserts one outbox row, in the same run.
import { RecordWriter } from '@interscambio/exchange';
import { Kafka, logLevel } from 'kafkajs';
import type { RecordCommand, RequestTrace } from '@interscambio/exchange';
import { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { bareTablesSql, bareWriteSql } from './lib/bare-records.sql';
import { bareTransaction } from './lib/bare-transaction';
import { benchEnv, progress, uniqueName } from './lib/bench-env';
import { asyncRate, compare } from './lib/compare';
import { THEME, TYPE } from './lib/documents';
import { inProcessTheme } from './lib/in-process-theme';
import { documentsByEnte } from './lib/record-requests';
import { scenario } from './lib/report';

const ROUND_MS = 1500;
const ROUNDS = 3;
const SINGLE = [1, 8, 64];
const BATCH = { size: 500, concurrency: [1, 4] };
const NOTE =
  "ours = RecordWriter.commit of new records (schema check, content hash, one statement writing record, change log, outbox event and audit entry), with the service's relay and audit sealer running; bare = BEGIN, upsert of the record row, insert of one outbox row, COMMIT (unnest for a batch); both with a pool of 10 connections";

async function main(): Promise<void> {
  const env = benchEnv();
  const schema = uniqueName('bench_write');
  const bareSchema = `${schema}_bare`;
  const documents = [...documentsByEnte()].flatMap(([ente, docs]) => docs.map((json) => ({ ente, json })));
  const { app, config } = await inProcessTheme(env, THEME, schema);
  const writer = app.get(RecordWriter);
  const bare = new Pool({ connectionString: env.databaseUrl, max: config.databasePoolSize });
  const sql = bareWriteSql(bareSchema);
  let n = 0;
  const next = (): { ente: string; key: string; json: string } => {
    const doc = documents[n % documents.length] as { ente: string; json: string };
    return { ...doc, key: `bench-${n++}` };
  };
  const trace = (ente: string): RequestTrace => ({
    correlationId: uuidv7(),
    actor: { clientId: `bench-${ente}`, ente },
  });
  const ours = async (size: number): Promise<void> => {
    const records = Array.from({ length: size }, next);
    const ente = (records[0] as { ente: string }).ente;
    const commands: RecordCommand[] = records.map((r) => ({
      op: 'put',
      type: TYPE,
      ente,
      key: r.key,
      data: JSON.parse(r.json) as unknown,
    }));
    const outcomes = await writer.commit(commands, trace(ente));
    const refused = outcomes.find((o) => o.status === 'rejected');
    if (refused) throw new Error(`the writer refused a bench record: ${JSON.stringify(refused)}`);
  };
  const bareWrite = (size: number) => (): Promise<void> =>
    bareTransaction(bare, async (client) => {
      const records = Array.from({ length: size }, next);
      if (size === 1) {
        const r = records[0] as { ente: string; key: string; json: string };
        await client.query(sql.upsert, [uuidv7(), TYPE, r.ente, r.key, r.json]);
        await client.query(sql.outbox, [uuidv7(), `${schema}.bare`, `${r.ente}/${r.key}`, r.json]);
        return;
      }
      await client.query(sql.upsertMany, [
        TYPE,
        records.map(() => uuidv7()),
        records.map((r) => r.ente),
        records.map((r) => r.key),
        records.map((r) => r.json),
      ]);
      await client.query(sql.outboxMany, [
        `${schema}.bare`,
        records.map(() => uuidv7()),
        records.map((r) => `${r.ente}/${r.key}`),
        records.map((r) => r.json),
      ]);
    });
  const measure = (size: number, workers: number) => () =>
    compare({
      ours: async () => size * (await asyncRate(() => ours(size), ROUND_MS, workers)),
      bare: async () => size * (await asyncRate(bareWrite(size), ROUND_MS, workers)),
      rounds: ROUNDS,
    });
  try {
    for (const statement of bareTablesSql(bareSchema)) await bare.query(statement);
    for (const workers of SINGLE) {
      progress(`write path: one record per commit, ${workers} writer(s)`);
      await scenario(
        'durable write',
        `one record per commit, ${workers} concurrent writer${workers === 1 ? '' : 's'}`,
        'records/s',
        measure(1, workers),
        workers === 1 ? NOTE : undefined,
      );
    }
    for (const workers of BATCH.concurrency) {
      progress(`write path: ${BATCH.size} records per commit, ${workers} writer(s)`);
      await scenario(
        'durable write',
        `${BATCH.size} records per commit, ${workers} concurrent writer${workers === 1 ? '' : 's'}`,
        'records/s',
        measure(BATCH.size, workers),
      );
    }
  } finally {
    await app.close();
    await bare.end();
    // The relay's topics and the anchors' consumer group, all under the run's prefix.
    const admin = new Kafka({
      clientId: 'bench-write-path',
      brokers: env.kafkaBrokers,
      logLevel: logLevel.ERROR,
    }).admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${schema}.`));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(`${schema}.`));
    if (groups.length > 0) await admin.deleteGroups(groups);
    await admin.disconnect();
    const drop = new Pool({ connectionString: env.databaseUrl, max: 1 });
    await drop.query(`drop schema if exists "${schema}" cascade; drop schema if exists "${bareSchema}" cascade`);
    await drop.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
