// Scenario 5: the real tributi service over HTTP (built, migrated and started as `npm start` does),
// written to by one client per comune of Palermo and Messina, vs a bare Fastify + ajv + pg server in
// a process of its own; then the time from a PUT to its event on Kafka vs a bare kafkajs producer.
// After every load of the service, the time until its outbox has published everything.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { databaseConfig } from '@interscambio/config';
import { defaultSchemasDir } from '@interscambio/schemas';
import { Kafka, logLevel } from 'kafkajs';
import type { Admin } from 'kafkajs';
import { Pool } from 'pg';
import { bareTablesSql } from './lib/bare-records.sql';
import { benchEnv, progress, uniqueName } from './lib/bench-env';
import { startIssuer } from './lib/bench-issuer';
import { compare, median, percentile } from './lib/compare';
import { THEME, TYPE } from './lib/documents';
import { EventArrivals } from './lib/event-arrivals';
import { runLoad } from './lib/http-load';
import type { LoadRequest } from './lib/http-load';
import { LoadRounds } from './lib/load-rounds';
import { backlogClearedAfter } from './lib/outbox-backlog';
import { documentsByEnte, RecordRequests } from './lib/record-requests';
import { scenario } from './lib/report';
import { ServiceProcess } from './lib/service-process';
import { startThemeService } from './lib/theme-service';

const ROUNDS = 3;
const TIMING = { warmupSeconds: 2, roundSeconds: 4 };
// BENCH_QUICK=1: PUTs at 16 connections only, for a before/after check of a change on the request path.
const QUICK = process.env['BENCH_QUICK'] === '1';
const PUT_CONNECTIONS = QUICK ? [16] : [1, 16, 64];
const BATCH_CONNECTIONS = QUICK ? [] : [2, 8];
const BATCH_ITEMS = 500;
const EVENT_RATE = 1000;
const EVENT_SECONDS = 5;
// Ten groups of ten connections started 100 ms apart: a small burst every 100 ms rather than 1,000
// requests at the top of each second (see runLoad's pace).
const EVENT_PHASES = 10;
const EVENT_CONNECTIONS = 100;
const EVENT_WAIT_MS = 60_000;
const DRAIN_TARGET_MS = 2000;
const GROUP = 'HTTP';
const EVENT_GROUP = 'PUT → Kafka';

interface Side {
  origin: string;
  requests: RecordRequests;
  process: ServiceProcess;
  /** The service's outbox drain after a load; the bare server has no relay. */
  settle?: (endedAt: number) => Promise<number>;
}

const ms = (value: number): string => `${Math.round(value).toLocaleString('en-US')} ms`;

function drainNote(settled: number[]): string {
  const late = settled.filter((s) => s > DRAIN_TARGET_MS).length;
  return (
    `the service's outbox was back to zero ${ms(median(settled))} after the load (median; max ${ms(Math.max(...settled))}; ` +
    `${late} of ${settled.length} rounds over the ${ms(DRAIN_TARGET_MS)} target)`
  );
}

function memoryNote(side: Side): string {
  const memory = side.process.memory();
  return memory ? `service RSS ${memory.rssMb} MB (peak ${memory.peakMb} MB)` : '';
}

/** records/s, then latency p50 and p99, of one kind of request at one number of connections. */
async function throughput(
  label: string,
  connections: number,
  sides: { ours: Side; bare: Side },
  next: (requests: RecordRequests) => LoadRequest,
  note: string,
): Promise<void> {
  const title = `${label}, ${connections} connection${connections === 1 ? '' : 's'}`;
  progress(`http: ${title}`);
  const rounds = (side: Side): LoadRounds =>
    new LoadRounds({ url: side.origin, connections, next: () => next(side.requests) }, TIMING, side.settle);
  const ours = rounds(sides.ours);
  const bare = rounds(sides.bare);
  const result = await scenario(
    GROUP,
    title,
    'records/s',
    () => compare({ ours: ours.round, bare: bare.round, rounds: ROUNDS }),
    () => [note, drainNote(ours.settled), memoryNote(sides.ours)].filter(Boolean).join('; '),
  );
  progress(`http: ${Math.round(result.ours)} vs ${Math.round(result.bare)} records/s`);
  for (const p of [50, 99])
    await scenario(GROUP, `${title}: latency p${p}`, 'ms', async () => ({
      ours: ours.latencies.map((l) => percentile(l, p)),
      bare: bare.latencies.map((l) => percentile(l, p)),
    }));
}

/** Delay from each send to its arrival, for the keys that arrived. */
function delays(sent: Map<string, number>, arrived: Map<string, number>): number[] {
  return [...sent].flatMap(([key, at]) => {
    const arrival = arrived.get(key);
    return arrival === undefined ? [] : [arrival - at];
  });
}

/** PUT → event on the service's topic at a steady rate, vs a bare idempotent producer at the same rate. */
async function eventLatency(
  kafka: Kafka,
  admin: Admin,
  sides: { ours: Side; bare: Side },
  topics: { ours: string; bare: string },
  groupPrefix: string,
): Promise<void> {
  const settle = sides.ours.settle;
  if (!settle) throw new Error('the service side has no outbox to wait for');
  if (!(await admin.listTopics()).includes(topics.ours))
    throw new Error(`the service has not created ${topics.ours}: did its outbox relay publish anything?`);
  progress(`http: PUT → event at ${EVENT_RATE} records/s`);
  const oursArrivals = await EventArrivals.start(kafka, admin, topics.ours, `${groupPrefix}.bench.ours`);
  const bareArrivals = await EventArrivals.start(kafka, admin, topics.bare, `${groupPrefix}.bench.bare`).catch(
    async (error: unknown) => {
      await oursArrivals.stop();
      throw error;
    },
  );
  const arrivals = { ours: oursArrivals, bare: bareArrivals };
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  const latencies = { ours: [] as number[][], bare: [] as number[][] };
  const achieved = { ours: [] as number[], bare: [] as number[] };
  // Where the service's share goes: the PUT's own answer, then the outbox relay and Kafka.
  const answers: number[] = [];
  const afterAnswer: number[] = [];
  const settled: number[] = [];
  let warmedUp = { ours: false, bare: false };
  try {
    await producer.connect();
    const ours = async (): Promise<number> => {
      const seconds = warmedUp.ours ? EVENT_SECONDS : TIMING.warmupSeconds;
      const sent = new Map<string, number>();
      const answered = new Map<string, number>();
      arrivals.ours.at.clear();
      const result = await runLoad({
        url: sides.ours.origin,
        connections: EVENT_CONNECTIONS,
        seconds,
        pace: { rate: EVENT_RATE, phases: EVENT_PHASES },
        next: () => sides.ours.requests.put(),
        onSend: (request, at) => request.addresses.forEach((a) => sent.set(a, at)),
        onAnswer: (request) => request.addresses.forEach((a) => answered.set(a, performance.now())),
      });
      const drained = await settle(result.endedAt);
      await arrivals.ours.waitFor([...answered.keys()], EVENT_WAIT_MS);
      const round = delays(sent, arrivals.ours.at);
      if (warmedUp.ours) {
        latencies.ours.push(round);
        achieved.ours.push(result.records / seconds);
        answers.push(percentile(result.latenciesMs, 50));
        afterAnswer.push(percentile(delays(answered, arrivals.ours.at), 50));
        settled.push(drained);
      }
      warmedUp = { ...warmedUp, ours: true };
      return percentile(round, 50);
    };
    const bare = async (): Promise<number> => {
      const seconds = warmedUp.bare ? EVENT_SECONDS : TIMING.warmupSeconds;
      const sent = new Map<string, number>();
      const acked: string[] = [];
      arrivals.bare.at.clear();
      const start = performance.now();
      // Whatever fell due while the previous send awaited its acks goes in the next one, as a relay batches.
      for (let elapsed = 0; elapsed < seconds * 1000; elapsed = performance.now() - start) {
        const due = Math.floor((elapsed * EVENT_RATE) / 1000) - acked.length;
        if (due <= 0) {
          await sleep(1);
          continue;
        }
        const at = performance.now();
        const messages = Array.from({ length: due }, () => {
          const { addresses, body } = sides.bare.requests.put();
          const key = addresses[0] as string;
          sent.set(key, at);
          return { key, value: body };
        });
        await producer.send({ topic: topics.bare, acks: -1, messages });
        acked.push(...messages.map((m) => m.key));
      }
      await arrivals.bare.waitFor(acked, EVENT_WAIT_MS);
      const round = delays(sent, arrivals.bare.at);
      if (warmedUp.bare) {
        latencies.bare.push(round);
        achieved.bare.push(acked.length / seconds);
      }
      warmedUp = { ...warmedUp, bare: true };
      return percentile(round, 50);
    };
    const title = (p: number): string => `event received p${p}, PUTs paced at ${EVENT_RATE.toLocaleString('en-US')}/s`;
    const result = await scenario(
      EVENT_GROUP,
      title(50),
      'ms',
      () => compare({ ours, bare, rounds: ROUNDS }),
      () =>
        `ours = PUT sent → service → outbox → relay → ${topics.ours.split('.').slice(1).join('.')} → a kafkajs consumer of its own group; ` +
        `bare = kafkajs idempotent producer (acks -1) sending ${EVENT_RATE}/s to a topic of its own → a consumer set up the same way; ${ROUNDS} rounds of ${EVENT_SECONDS} s a side; ` +
        `achieved ${Math.round(median(achieved.ours))} PUT/s and ${Math.round(median(achieved.bare))} messages/s; ` +
        `ours p50 split: PUT answered after ${ms(median(answers))}, event received ${ms(median(afterAnswer))} after the answer; ` +
        `${drainNote(settled)}; ${memoryNote(sides.ours)}`,
    );
    progress(`http: event p50 ${ms(result.ours)} vs ${ms(result.bare)}`);
    for (const p of [95, 99])
      await scenario(EVENT_GROUP, title(p), 'ms', async () => ({
        ours: latencies.ours.map((l) => percentile(l, p)),
        bare: latencies.bare.map((l) => percentile(l, p)),
      }));
  } finally {
    await producer.disconnect();
    await arrivals.ours.stop();
    await arrivals.bare.stop();
  }
}

async function startBare(env: Record<string, string>): Promise<{ origin: string; process: ServiceProcess }> {
  const server = new ServiceProcess('bare', [path.join(__dirname, 'lib/bare-records.server.js')], {
    ...process.env,
    ...env,
  });
  try {
    const [, port] = await server.line(/^listening (\d+)$/, 30_000);
    return { origin: `http://127.0.0.1:${port}`, process: server };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function main(): Promise<void> {
  const env = benchEnv();
  // One name for the service's schema, its topic prefix and its consumer groups: all removed at the end.
  const name = uniqueName('bench_http');
  const bareSchema = `${name}_bare`;
  const topics = { ours: `${name}.${THEME}.${TYPE}`, bare: `${name}.bare.${TYPE}` };
  const basePath = `/${THEME}/v1/records/${TYPE}`;
  const documents = documentsByEnte();
  const issuer = await startIssuer(THEME, [...documents.keys()]);
  const pool = new Pool({ connectionString: env.databaseUrl, max: 2 });
  const kafka = new Kafka({ clientId: 'interscambio-bench-http', brokers: env.kafkaBrokers, logLevel: logLevel.ERROR });
  const admin = kafka.admin();
  const serviceEnv = {
    DATABASE_URL: env.databaseUrl,
    DATABASE_SCHEMA: name,
    KAFKA_BROKERS: env.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: name,
    TOKEN_JWKS_URL: issuer.jwksUrl,
    RECEIPT_KEY_SECRET: randomBytes(32).toString('base64url'),
    RATE_LIMIT_PER_MINUTE: '1000000',
    // Its log lines go to the bench's stderr, prefixed: without colour codes.
    NO_COLOR: '1',
  };
  let ours: Side | undefined;
  let bare: Side | undefined;
  try {
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: topics.bare, numPartitions: 3 }] });
    for (const statement of bareTablesSql(bareSchema)) await pool.query(statement);
    progress(`http: building and starting ${THEME} (schema and topic prefix ${name})`);
    const service = await startThemeService({ theme: THEME, env: serviceEnv });
    ours = {
      ...service,
      requests: new RecordRequests(documents, basePath, (ente) => issuer.token(ente)),
      settle: (endedAt) => backlogClearedAfter(pool, name, endedAt),
    };
    const server = await startBare({
      DATABASE_URL: env.databaseUrl,
      BARE_SCHEMA: bareSchema,
      // The pool the service has when DATABASE_POOL_SIZE is not set, as in this bench.
      BARE_POOL_SIZE: String(databaseConfig(serviceEnv, THEME).databasePoolSize),
      BARE_SCHEMA_FILE: path.join(defaultSchemasDir(), THEME, TYPE, '1.json'),
      BARE_TYPE: TYPE,
      BARE_TOPIC: topics.bare,
      BARE_BASE_PATH: basePath,
    });
    bare = { ...server, requests: new RecordRequests(documents, basePath) };
    const sides = { ours, bare };

    for (const connections of PUT_CONNECTIONS)
      await throughput(
        'PUT one new record',
        connections,
        sides,
        (requests) => requests.put(),
        connections === PUT_CONNECTIONS[0]
          ? `ours = the ${THEME} service (token, rate limit, schema and rules, idempotency, record + change + outbox + audit in one transaction), each request with the token of the ente it writes for, the ${documents.size} comuni taking turns; bare = Fastify + ajv + one pg transaction (upsert, outbox insert), no auth; same pool size`
          : '',
      );
    for (const connections of BATCH_CONNECTIONS)
      await throughput(
        `POST batch of ${BATCH_ITEMS} new records`,
        connections,
        sides,
        (requests) => requests.batch(BATCH_ITEMS),
        connections === BATCH_CONNECTIONS[0]
          ? `each batch of one ente with its token; bare = ${BATCH_ITEMS} upserts and ${BATCH_ITEMS} outbox rows by unnest in one transaction`
          : '',
      );
    if (!QUICK) await eventLatency(kafka, admin, sides, topics, name);
  } finally {
    const attempt = async (what: string, step: () => Promise<unknown>): Promise<void> => {
      await step().catch((error: unknown) => progress(`http: could not ${what}: ${String(error)}`));
    };
    await attempt('stop the service', async () => ours?.process.stop());
    await attempt('stop the bare server', async () => bare?.process.stop());
    await attempt('stop the token issuer', () => issuer.close());
    await attempt('delete the topics', async () => {
      const created = (await admin.listTopics()).filter((t) => t.startsWith(`${name}.`));
      if (created.length > 0) await admin.deleteTopics({ topics: created });
    });
    await attempt('delete the consumer groups', async () => {
      const { groups } = await admin.listGroups();
      const created = groups.map((g) => g.groupId).filter((g) => g.startsWith(`${name}.`));
      if (created.length > 0) await admin.deleteGroups(created);
    });
    await attempt('disconnect from Kafka', () => admin.disconnect());
    await attempt('drop the schemas', () =>
      pool.query(`drop schema if exists "${name}" cascade; drop schema if exists "${bareSchema}" cascade`),
    );
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
