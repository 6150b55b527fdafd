import type { PoolClient } from 'pg';
import { outboxTable, relayLockName } from './outbox.names';

export interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  headers: Record<string, string>;
  /** The Kafka value exactly as appended (`json`, not `jsonb`, keeps the record's field order). */
  payload: string | null;
}

/**
 * Locks the oldest pending rows for this transaction, or returns null when another relay is
 * publishing this schema's outbox.
 *
 * WHY an advisory lock on top of FOR UPDATE SKIP LOCKED: SKIP LOCKED alone lets relay B skip row 1
 * of key K (locked by relay A) and send row 2 of K first, out of order. The transaction-scoped
 * advisory lock makes one relay at a time the publisher (the others stand by and take over at the
 * next pass if it dies), so rows go out in seq order. Under that lock no other relay holds outbox
 * rows; SKIP LOCKED only keeps a relay from stalling every key behind a row something else (an
 * operator's replay of an old event) has locked.
 */
export async function claimPending(client: PoolClient, schema: string, limit: number): Promise<OutboxRow[] | null> {
  const lock = await client.query<{ locked: boolean }>(
    'select pg_try_advisory_xact_lock(hashtextextended($1, 0)) as locked',
    [relayLockName(schema)],
  );
  if (!lock.rows[0]?.locked) return null;
  const pending = await client.query<OutboxRow>(
    `select id, topic, key, headers, payload::text as payload from ${outboxTable(schema)}
     where sent_at is null order by seq limit $1 for update skip locked`,
    [limit],
  );
  return pending.rows;
}

export async function markSent(client: PoolClient, schema: string, ids: string[]): Promise<void> {
  await client.query(
    `update ${outboxTable(schema)} set sent_at = now(), attempts = attempts + 1, last_error = null where id = any($1::uuid[])`,
    [ids],
  );
}

export async function markFailed(client: PoolClient, schema: string, ids: string[], error: string): Promise<void> {
  await client.query(
    `update ${outboxTable(schema)} set attempts = attempts + 1, last_error = $2 where id = any($1::uuid[])`,
    [ids, error],
  );
}
