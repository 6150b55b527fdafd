import { prepared } from '@interscambio/persistence';
import type { SqlExecutor } from '@interscambio/persistence';
import { toCloudEventMessage } from '../cloud-event/cloud-event.codec';
import type { OutboxEvent } from './outbox-event';
import { outboxTable } from './outbox.names';

/**
 * Appends events to `"<schema>".outbox` in the caller's transaction, so the record change and the
 * event to publish commit or roll back together. One statement for the whole batch; the caller
 * announces the commit (ChangeSignal), not a NOTIFY here, which would serialise commits.
 * Append after the record's own row is locked (its upsert): then two changes of one record take
 * their outbox `seq` in commit order, which is the order the relay publishes them in.
 */
export async function appendOutbox(db: SqlExecutor, schema: string, events: OutboxEvent[]): Promise<void> {
  if (events.length === 0) return;
  const messages = events.map(toCloudEventMessage);
  const source = `unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[], $5::json[]) with ordinality
    as e(id, topic, key, headers, payload, n)`;
  await db.query(prepared(appendOutboxSql(schema, source)), [
    events.map((e) => e.id),
    events.map((e) => e.topic),
    messages.map((m) => m.key),
    messages.map((m) => JSON.stringify(m.headers ?? {})),
    messages.map((m) => (m.value === null ? null : m.value.toString())),
  ]);
}

/**
 * The insert appendOutbox runs, from any `source` with columns id (the CloudEvent id), topic, key,
 * headers (jsonb, as toCloudEventMessage gives them), payload (json) and n (their order): a writer can
 * append its events in the same statement as the change they announce.
 */
export function appendOutboxSql(schema: string, source: string): string {
  return `insert into ${outboxTable(schema)} (id, topic, key, headers, payload)
    select id, topic, key, headers, payload from ${source} order by n`;
}
