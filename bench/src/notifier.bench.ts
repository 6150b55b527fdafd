// Scenario 6: the notifier (apps/notifier) behind the real tributi service, both built, migrated and
// started as `npm start` does: the time from a PUT to its webhook at 200 records/s, and the time a
// burst of events takes to reach 10 and then 100 subscriptions (fan-out should grow linearly).
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { comuni } from '@interscambio/enti';
import { Client } from 'pg';
import { generateRecords } from '@interscambio/fixtures';
import { benchEnv, progress, uniqueName } from './lib/bench-env';
import { CpuMeter, kafkaPid } from './lib/cpu-meter';
import type { MeteredProcess } from './lib/cpu-meter';
import { startIssuer } from './lib/bench-issuer';
import { percentile } from './lib/compare';
import { THEME, TYPE } from './lib/documents';
import { notifierStages } from './lib/notifier-stages';
import { scenario } from './lib/report';
import { startThemeService } from './lib/theme-service';
import { WebhookArrivals } from './lib/webhook-arrivals';

const ENTE = '082053';
const RATE = 200;
const SECONDS = Number(process.env['NOTIFIER_BENCH_SECONDS'] ?? 5);
const FANOUT_EVENTS = Number(process.env['NOTIFIER_BENCH_EVENTS'] ?? 1000);
// `NOTIFIER_BENCH_FANOUT=` (empty) runs the PUT → webhook scenario alone.
const FANOUT_SUBSCRIPTIONS = (process.env['NOTIFIER_BENCH_FANOUT'] ?? '10,100').split(',').filter(Boolean).map(Number);
const GROUP = 'PUT → webhook';
const WARMUP = RATE * 2;
const CONNECTIONS = 64;

async function main(): Promise<void> {
  const env = benchEnv();
  const issuer = await startIssuer(['tributi', 'notifier'], [ENTE], 'records:read records:write subscriptions');
  const common = {
    DATABASE_URL: env.databaseUrl,
    KAFKA_BROKERS: env.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: uniqueName('bench-notifier'),
    TOKEN_JWKS_URL: issuer.jwksUrl,
    RATE_LIMIT_PER_MINUTE: '1000000',
    NO_COLOR: '1',
  };
  const tributiSchema = uniqueName('bench_nt_tributi');
  const notifierSchema = uniqueName('bench_nt_notifier');
  const tributi = await startThemeService({
    theme: THEME,
    env: {
      ...common,
      DATABASE_SCHEMA: tributiSchema,
      RECEIPT_KEY_SECRET: randomBytes(32).toString('base64url'),
    },
  });
  const notifier = await startThemeService({
    theme: 'notifier',
    env: { ...common, DATABASE_SCHEMA: notifierSchema, NOTIFIER_SANDBOX: 'on' },
  });
  const arrivals = await WebhookArrivals.start();
  const documents = generateRecords({
    theme: THEME,
    type: TYPE,
    enti: comuni('all').filter((e) => e.codiceIstat === ENTE),
    perEnte: 200,
    seed: 6,
  }).map((r) => JSON.stringify(r.data));
  const headers = { authorization: `Bearer ${issuer.token(ENTE)}`, 'content-type': 'application/json' };
  let written = 0;
  // Keep-alive connections, at most CONNECTIONS of them, as a client of an API would hold: fetch's
  // default opened one more connection for every PUT still unanswered. A PUT waiting for a free
  // connection is already sent on the bench's clock, so the queue counts in its time.
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const put = async (key: string): Promise<number> => {
    const started = performance.now();
    const status = await send(agent, `${tributi.origin}/${THEME}/v1/records/${TYPE}/${ENTE}/${key}`, {
      method: 'PUT',
      headers,
      body: documents[written++ % documents.length] as string,
    });
    if (status !== 201) throw new Error(`PUT ${key} answered ${status}`);
    return performance.now() - started;
  };
  /** `count` PUTs at RATE a second, open loop: when each was sent, and each answer's time. */
  const paced = async (prefix: string, count: number): Promise<{ sent: Map<string, number>; answers: number[] }> => {
    const sent = new Map<string, number>();
    const answers: number[] = [];
    const writes: Promise<void>[] = [];
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      const due = start + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const key = `${prefix}-${i}`;
      sent.set(key, performance.now());
      writes.push(put(key).then((ms) => void answers.push(ms)));
    }
    await Promise.all(writes);
    return { sent, answers };
  };
  const subscribe = async (): Promise<string> => {
    const res = await fetch(`${notifier.origin}/notifier/v1/subscriptions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ types: [TYPE], callbackUrl: arrivals.url }),
    });
    if (res.status !== 201) throw new Error(`subscribing answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  };
  const unsubscribe = (id: string): Promise<Response> =>
    fetch(`${notifier.origin}/notifier/v1/subscriptions/${id}`, { method: 'DELETE', headers });

  try {
    progress('notifier: PUT → webhook at 200 records/s');
    const single = await subscribe();
    // Warm-up at the rate itself, not measured: JIT, both pools, the producer and the consumers.
    for (let i = 0; i < 20; i++) await put(`warm-${i}`);
    await paced('warm-rate', WARMUP);
    await arrivals.reached(20 + WARMUP, 120_000);
    const processes = [
      { name: 'bench', pid: process.pid },
      ...metered('tributi', tributi.process.pid),
      ...metered('notifier', notifier.process.pid),
      ...metered('kafka', kafkaPid()),
    ];
    const meter = new CpuMeter(env.databaseUrl, processes);
    await meter.begin();
    const start = performance.now();
    const total = RATE * SECONDS;
    const { sent, answers } = await paced('rate', total);
    const achieved = total / ((performance.now() - start) / 1000);
    await arrivals.reached(20 + WARMUP + total, 120_000);
    const cpu = [...(await meter.end(total))].sort(([a], [b]) => (a < b ? -1 : 1));
    const cpuNote = cpu.map(([name, ms]) => `${name} ${ms.toFixed(2)}`).join(', ');
    progress(`notifier: CPU ms per record: ${cpuNote}`);
    const latencies = [...sent].map(([key, at]) => (arrivals.at.get(key)?.[0] ?? Number.NaN) - at);
    // Per stage, on the wall clock PostgreSQL shares with this process.
    const wall = (t: number): number => performance.timeOrigin + t;
    const bySubject = new Map(
      [...sent].map(([key, at]) => [key, { sent: wall(at), received: wall(arrivals.at.get(key)?.[0] ?? Number.NaN) }]),
    );
    const stages = await notifierStages(env.databaseUrl, tributiSchema, notifierSchema, bySubject);
    for (const s of stages)
      progress(`notifier stage ${s.stage}: p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms`);
    const stageNote = stages.map((s) => `${s.stage} p50 ${Math.round(s.p50)} / p99 ${Math.round(s.p99)} ms`).join('; ');
    for (const p of [50, 99])
      await scenario(
        GROUP,
        `PUT sent → webhook received, p${p}, at ${RATE} records/s`,
        'ms',
        async () => ({ ours: [percentile(latencies, p)], bare: [percentile(answers, p)] }),
        `ours = PUT → tributi → outbox → Kafka → notifier (fan-out, outbox in PostgreSQL) → signed POST received; bare = the PUT's own answer time; ` +
          `${total} records in ${SECONDS} s (achieved ${Math.round(achieved)}/s), one subscription; by stage: ${stageNote}; ` +
          `CPU ms per record: ${cpuNote}`,
      );
    await unsubscribe(single);

    for (const count of FANOUT_SUBSCRIPTIONS) {
      progress(`notifier: ${FANOUT_EVENTS} events to ${count} subscriptions`);
      const ids = await Promise.all(Array.from({ length: count }, () => subscribe()));
      const before = arrivals.count;
      const statementsBefore = await committedStatements(env.databaseUrl);
      const fanMeter = new CpuMeter(env.databaseUrl, processes);
      await fanMeter.begin();
      const burst = performance.now();
      let next = 0;
      const writer = async (): Promise<void> => {
        while (next < FANOUT_EVENTS) await put(`fan-${count}-${next++}`);
      };
      await Promise.all(Array.from({ length: 16 }, writer));
      const wrote = performance.now() - burst;
      await arrivals.reached(before + FANOUT_EVENTS * count, 900_000);
      const last = performance.now() - burst;
      const deliveries = FANOUT_EVENTS * count;
      // Every statement of the notifier outside a transaction commits one: per delivery, with tributi's few per PUT.
      const fanCpu = await fanMeter.end(deliveries);
      const statements = ((await committedStatements(env.databaseUrl)) - statementsBefore) / deliveries;
      const fanCpuNote = [...fanCpu]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, ms]) => `${name} ${ms.toFixed(3)}`)
        .join(', ');
      progress(
        `notifier: fan-out to ${count}: CPU ms per delivery ${fanCpuNote}; ${statements.toFixed(2)} commits per delivery`,
      );
      await scenario(
        GROUP,
        `fan-out: ${FANOUT_EVENTS} events to ${count} subscriptions, time to the last delivery`,
        'ms',
        async () => ({ ours: [last], bare: [wrote] }),
        `ours = from the first PUT of the burst to the last of ${FANOUT_EVENTS * count} webhooks received ` +
          `(${Math.round((FANOUT_EVENTS * count) / (last / 1000))} deliveries/s); bare = the ${FANOUT_EVENTS} PUTs alone (16 connections); ` +
          `CPU ms per delivery: ${fanCpuNote}; ${statements.toFixed(2)} commits per delivery in the database (tributi's included)`,
      );
      await Promise.all(ids.map(unsubscribe));
    }
  } finally {
    agent.destroy();
    await arrivals.close();
    await notifier.process.stop();
    await tributi.process.stop();
    await issuer.close();
  }
}

/** One request on `agent`; resolves to its status once the answer is read. */
function send(
  agent: Agent,
  url: string,
  options: { method: string; headers: Record<string, string>; body: string },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method: options.method, headers: options.headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Transactions committed in the bench's database so far (each statement outside a transaction is one). */
async function committedStatements(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'bench-commit-count' });
  await client.connect();
  try {
    // A busy backend reports its counts at most once a second, an idle one within 10 s (PostgreSQL 15+).
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    const { rows } = await client.query<{ n: string }>(
      'select xact_commit::text as n from pg_stat_database where datname = current_database()',
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

function metered(name: string, pid: number | undefined): MeteredProcess[] {
  return pid === undefined ? [] : [{ name, pid }];
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
