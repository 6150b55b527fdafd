// Scenario 2: draining the outbox to Kafka with OutboxRelay vs a bare kafkajs producer sending the
// same messages. kafkajs is imported here, outside libs/messaging, only because it is the baseline.
import { KafkajsBus, OutboxRelay, appendOutbox, toCloudEventMessage } from '@interscambio/messaging';
import type { OutboxEvent } from '@interscambio/messaging';
import { inTransaction } from '@interscambio/persistence';
import { SchemaCatalog } from '@interscambio/schemas';
import { Kafka, logLevel } from 'kafkajs';
import type { Message, Producer } from 'kafkajs';
import { Pool } from 'pg';
import { benchEnv, progress, uniqueName } from './lib/bench-env';
import { benchSchema } from './lib/bench-schema';
import { compare, median } from './lib/compare';
import { recordDocuments, recordType } from './lib/documents';
import { recordEvent } from './lib/record-events';
import { scenario } from './lib/report';

const ROWS = 20_000;
const WARMUP_ROWS = 2_000;
const BATCH = 500;
const ROUNDS = 3;
const PARTITIONS = 3;

function batches<T>(items: T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));
}

async function main(): Promise<void> {
  const env = benchEnv();
  const info = recordType(SchemaCatalog.load());
  const docs = recordDocuments(info);
  let n = 0;
  const events = (topic: string, count: number): OutboxEvent[] =>
    Array.from({ length: count }, () => recordEvent(topic, info.id, docs[n % docs.length], n++));

  const schema = await benchSchema(env.databaseUrl, 'bench_relay');
  const pool = new Pool({ connectionString: env.databaseUrl, max: 2 });
  const kafka = new Kafka({ clientId: 'interscambio-bench-bare', brokers: env.kafkaBrokers, logLevel: logLevel.ERROR });
  const admin = kafka.admin();
  const topics = {
    ours: uniqueName('bench-relay-ours').replace(/_/g, '-'),
    bare: uniqueName('bench-relay-bare').replace(/_/g, '-'),
  };
  const relay = new OutboxRelay({
    url: env.databaseUrl,
    schema: schema.name,
    bus: new KafkajsBus(env.kafkaBrokers, 'interscambio-bench-relay'),
    batchSize: BATCH,
    topicPartitions: PARTITIONS,
  });
  let producer: Producer | undefined;
  const appendRates: number[] = [];
  try {
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: Object.values(topics).map((topic) => ({ topic, numPartitions: PARTITIONS })),
    });
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    const bareProducer = producer;

    const fillOutbox = async (count: number): Promise<void> => {
      const start = performance.now();
      for (const batch of batches(events(topics.ours, count)))
        await inTransaction(pool, (tx) => appendOutbox(tx, schema.name, batch));
      if (count === ROWS) appendRates.push(count / ((performance.now() - start) / 1000));
    };
    const ours = async (count: number): Promise<number> => {
      await fillOutbox(count);
      const start = performance.now();
      let published = 0;
      for (let pass = await relay.publishPending(); pass > 0; pass = await relay.publishPending()) published += pass;
      const rate = published / ((performance.now() - start) / 1000);
      if (published !== count) throw new Error(`the relay published ${published} rows of ${count}`);
      await pool.query(`truncate ${schema.table('outbox')}`);
      return rate;
    };
    const bare = async (count: number): Promise<number> => {
      const messages: Message[] = events(topics.bare, count).map(toCloudEventMessage);
      const start = performance.now();
      for (const batch of batches(messages)) await bareProducer.send({ topic: topics.bare, acks: -1, messages: batch });
      return count / ((performance.now() - start) / 1000);
    };

    progress(`outbox relay: warm-up ${WARMUP_ROWS} rows each, then ${ROUNDS} rounds of ${ROWS} rows`);
    await ours(WARMUP_ROWS);
    await bare(WARMUP_ROWS);
    const result = await scenario(
      'outbox → Kafka',
      `publish ${ROWS} rows (${BATCH} per send, ${PARTITIONS} partitions)`,
      'rows/s',
      () => compare({ ours: () => ours(ROWS), bare: () => bare(ROWS), rounds: ROUNDS, warmups: 0 }),
      () =>
        `ours = OutboxRelay.publishPending() until drained (claim, send, mark sent, commit); filling the outbox beforehand (untimed) ran at ${Math.round(median(appendRates))} rows/s with appendOutbox, ${BATCH} rows per transaction`,
    );
    progress(`outbox relay: ${Math.round(result.ours)} vs ${Math.round(result.bare)} rows/s`);
    await checkDelivered(admin, topics, WARMUP_ROWS + ROUNDS * ROWS);
  } finally {
    await relay.stop();
    await producer?.disconnect();
    await admin
      .deleteTopics({ topics: Object.values(topics) })
      .catch((e: unknown) => progress(`could not delete topics: ${String(e)}`));
    await admin.disconnect();
    await pool.end();
    await schema.drop();
  }
}

/** Both topics hold exactly what was sent: a fast side that lost messages would be no result. */
async function checkDelivered(
  admin: ReturnType<Kafka['admin']>,
  topics: Record<string, string>,
  expected: number,
): Promise<void> {
  for (const topic of Object.values(topics)) {
    const offsets = await admin.fetchTopicOffsets(topic);
    const stored = offsets.reduce((sum, o) => sum + Number(o.high) - Number(o.low), 0);
    if (stored !== expected) throw new Error(`topic ${topic} holds ${stored} messages, expected ${expected}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
