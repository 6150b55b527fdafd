import { deadLetterTopic, eventCorrelationId, eventRevision, fromCloudEventMessage } from '@interscambio/messaging';
import type { ReceivedMessage } from '@interscambio/messaging';
import type { Pool } from 'pg';

const DLQ_SUFFIX = deadLetterTopic('');

/** `<prefix>.<theme>.<type>` → theme and type; undefined for any other topic. */
export function recordTopicParts(topic: string, prefix: string): { theme: string; type: string } | undefined {
  const match = new RegExp(`^${prefix.replace(/[-]/g, '\\-')}\\.([a-z][a-z-]*)\\.([a-z][a-z0-9-]*)$`).exec(topic);
  return match ? { theme: match[1] as string, type: match[2] as string } : undefined;
}

/**
 * What the console keeps of each message: a record event with where it sits in Kafka, or a dead
 * letter with its error. Keyed by topic, partition and offset, so a redelivery changes nothing.
 */
export async function indexMessage(sql: Pool, prefix: string, m: ReceivedMessage): Promise<void> {
  if (m.topic.endsWith(DLQ_SUFFIX)) return indexDeadLetter(sql, m);
  const parts = recordTopicParts(m.topic, prefix);
  if (!parts) return;
  let event;
  try {
    event = fromCloudEventMessage(m);
  } catch {
    return; // Not a CloudEvent: nothing the console can trace by record.
  }
  const [ente = '', ...rest] = (m.key ?? '').split('/');
  await sql.query(
    `insert into record_event ("topic", "partition", "offset", "event_id", "theme", "type", "ente", "key",
       "revision", "operation", "correlation_id", "time")
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) on conflict do nothing`,
    [
      m.topic,
      m.partition,
      m.offset,
      event.id,
      parts.theme,
      parts.type,
      ente,
      rest.join('/'),
      eventRevision(event) ?? null,
      event.type.split('.').pop() ?? null,
      eventCorrelationId(event) ?? null,
      event.time ?? new Date().toISOString(),
    ],
  );
}

async function indexDeadLetter(sql: Pool, m: ReceivedMessage): Promise<void> {
  const failedAt = m.headers['interscambio-failed-at'];
  await sql.query(
    `insert into dead_letter ("topic", "partition", "offset", "source_topic", "key", "value", "headers", "error",
       "consumer_group", "failed_at")
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict do nothing`,
    [
      m.topic,
      m.partition,
      m.offset,
      m.topic.slice(0, -DLQ_SUFFIX.length),
      m.key,
      m.value,
      JSON.stringify(m.headers),
      m.headers['interscambio-error'] ?? null,
      m.headers['interscambio-consumer-group'] ?? null,
      failedAt && !Number.isNaN(Date.parse(failedAt)) ? failedAt : null,
    ],
  );
}
