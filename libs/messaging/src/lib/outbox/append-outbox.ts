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
  await db.query(
    `insert into ${outboxTable(schema)} (id, topic, key, headers, payload)
     select id, topic, key, headers, payload
     from unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[], $5::json[]) with ordinality as e(id, topic, key, headers, payload, n)
     order by n`,
    [
      events.map((e) => e.id),
      events.map((e) => e.topic),
      messages.map((m) => m.key),
      messages.map((m) => JSON.stringify(m.headers ?? {})),
      messages.map((m) => (m.value === null ? null : m.value.toString())),
    ],
  );
}
