import { Client } from 'pg';
import { percentile } from './compare';

/** One stage of PUT → webhook, its p50 and p99 in ms. */
export interface StageTimes {
  stage: string;
  p50: number;
  p99: number;
}

/**
 * Where the time of PUT → webhook goes, from the timestamps both services keep anyway: the PUT
 * (bench clock) → outbox row written → sent to Kafka (relay) → delivery queued by the notifier's
 * consumer (its fan-out transaction) → delivered (dispatcher + POST) → webhook received (bench
 * clock). PostgreSQL's now() is its transaction's start, so each stage includes the one
 * transaction that ends it.
 */
export async function notifierStages(
  databaseUrl: string,
  themeSchema: string,
  notifierSchema: string,
  subjects: Map<string, { sent: number; received: number }>,
): Promise<StageTimes[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{
      subject: string;
      written: number;
      relayed: number;
      queued: number;
      delivered: number;
    }>(
      `select e.event->>'subject' as subject,
         extract(epoch from o.created_at) * 1000 as written, extract(epoch from o.sent_at) * 1000 as relayed,
         extract(epoch from d.created_at) * 1000 as queued,
         extract(epoch from d.finished_at) * 1000 as delivered
       from "${notifierSchema}".record_event e
         join "${themeSchema}".outbox o on o.id::text = e.id
         join "${notifierSchema}".delivery d on d.event_position = e.position and d.status = 'delivered'`,
    );
    const stages: Record<string, number[]> = {
      'PUT sent → outbox row (tributi)': [],
      'outbox row → sent to Kafka (relay)': [],
      'sent to Kafka → delivery queued (notifier consumer, fan-out)': [],
      'queued → delivered (dispatcher + POST)': [],
      'delivered → webhook received': [],
    };
    const add = (stage: string, ms: number): void => void stages[stage]?.push(ms);
    for (const row of rows) {
      const bench = subjects.get(row.subject.split('/').pop() ?? '');
      if (!bench) continue;
      add('PUT sent → outbox row (tributi)', Number(row.written) - bench.sent);
      add('outbox row → sent to Kafka (relay)', Number(row.relayed) - Number(row.written));
      add('sent to Kafka → delivery queued (notifier consumer, fan-out)', Number(row.queued) - Number(row.relayed));
      add('queued → delivered (dispatcher + POST)', Number(row.delivered) - Number(row.queued));
      add('delivered → webhook received', bench.received - Number(row.delivered));
    }
    return Object.entries(stages).map(([stage, values]) => ({
      stage,
      p50: percentile(values, 50),
      p99: percentile(values, 99),
    }));
  } finally {
    await client.end();
  }
}
