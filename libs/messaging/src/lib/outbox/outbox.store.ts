import { prepared } from '@interscambio/persistence';
import type { SqlExecutor } from '@interscambio/persistence';
import { outboxTable } from './outbox.names';

export interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  headers: Record<string, string>;
  /** The Kafka value exactly as appended (`json`, not `jsonb`, keeps the record's field order). */
  payload: string | null;
}

/** The oldest rows not yet sent, in the order they were appended. Read outside any transaction. */
export async function pendingRows(db: SqlExecutor, schema: string, limit: number): Promise<OutboxRow[]> {
  const { rows } = await db.query(
    prepared(`select id, topic, key, headers, payload::text as payload from ${outboxTable(schema)}
     where sent_at is null order by seq limit $1`),
    [limit],
  );
  return rows as OutboxRow[];
}

export async function markSent(db: SqlExecutor, schema: string, ids: string[]): Promise<void> {
  await db.query(
    prepared(`update ${outboxTable(schema)} set sent_at = now(), attempts = attempts + 1, last_error = null
     where id = any($1::uuid[])`),
    [ids],
  );
}

/**
 * Marks `ids` sent and reads the next pending rows, in one round trip: the statement's read does not
 * see its own update, so the rows just marked are left out by id.
 */
export async function markSentAndRead(
  db: SqlExecutor,
  schema: string,
  ids: string[],
  limit: number,
): Promise<OutboxRow[]> {
  const { rows } = await db.query(
    prepared(`with marked as (
       update ${outboxTable(schema)} set sent_at = now(), attempts = attempts + 1, last_error = null
       where id = any($1::uuid[]))
     select id, topic, key, headers, payload::text as payload from ${outboxTable(schema)}
     where sent_at is null and id <> all($1::uuid[]) order by seq limit $2`),
    [ids, limit],
  );
  return rows as OutboxRow[];
}

export async function markFailed(db: SqlExecutor, schema: string, ids: string[], error: string): Promise<void> {
  await db.query(
    `update ${outboxTable(schema)} set attempts = attempts + 1, last_error = $2 where id = any($1::uuid[])`,
    [ids, error],
  );
}

export interface OutboxBacklog {
  /** Rows not yet published. */
  pending: number;
  /** Seconds since the oldest of them was appended; null when none waits. */
  oldestSeconds: number | null;
}

/** What waits in the outbox: reported on /status, where a Kafka outage shows as a growing backlog. */
export async function outboxBacklog(db: SqlExecutor, schema: string): Promise<OutboxBacklog> {
  const { rows } = await db.query(
    prepared(`select count(*)::int as pending,
       round(extract(epoch from now() - min(created_at)))::int as "oldestSeconds"
     from ${outboxTable(schema)} where sent_at is null`),
  );
  return rows[0] as OutboxBacklog;
}
