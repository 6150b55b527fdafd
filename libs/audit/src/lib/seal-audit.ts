import { inTransaction } from '@interscambio/persistence';
import type { SqlExecutor } from '@interscambio/persistence';
import type { Pool } from 'pg';
import { chainEntries, insertChained } from './audit-chain';
import { readHead } from './audit-head';
import type { AuditHead } from './audit-head';
import { lastPendingId, takePending } from './audit-pending';
import { InvalidAuditPageError } from './audit.errors';

export interface AuditSealOptions {
  /** Entries sealed per transaction (default 1,000). */
  batchSize?: number;
  /** Wait for another sealer of the schema instead of returning busy. */
  wait?: boolean;
}

export interface AuditSeal {
  sealed: number;
  head: AuditHead;
  /** Another sealer held the schema's lock; it seals what this call left. */
  busy: boolean;
}

type Batch = { busy: true; head: AuditHead } | { busy: false; head: AuditHead; sealed: number; upTo: string | null };

/**
 * Links every pending entry committed before the call into the chain of `"<schema>".audit_entry`,
 * in id order, one transaction per batch. An entry whose transaction commits after entries with
 * higher ids were sealed is sealed by a later call: the chain follows seal order, not id order.
 */
export async function sealAudit(pool: Pool, schema: string, options: AuditSealOptions = {}): Promise<AuditSeal> {
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new InvalidAuditPageError(`batchSize ${batchSize}`);
  let sealed = 0;
  let upTo: string | null | undefined;
  for (;;) {
    const batch = await inTransaction(pool, (c) => sealBatch(c, schema, batchSize, options.wait ?? false, upTo));
    if (batch.busy) return { sealed, head: batch.head, busy: true };
    sealed += batch.sealed;
    // Bounded by the last id visible at the first batch, so that steady appends cannot keep a call going.
    upTo ??= batch.upTo;
    if (batch.sealed < batchSize) return { sealed, head: batch.head, busy: false };
  }
}

async function sealBatch(
  db: SqlExecutor,
  schema: string,
  limit: number,
  wait: boolean,
  upTo: string | null | undefined,
): Promise<Batch> {
  const key = [`interscambio.audit-sealer.${schema}`];
  if (wait) await db.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, key);
  else if (!(await db.query(`select pg_try_advisory_xact_lock(hashtextextended($1, 0)) as locked`, key)).rows[0].locked)
    return { busy: true, head: await readHead(db, schema) };
  // The row lock as well: an appender of the previous release, still running during a rolling
  // deploy, writes audit_entry itself under this lock.
  const head = await readHead(db, schema, true);
  const last = upTo === undefined ? await lastPendingId(db, schema) : upTo;
  const entries = last === null ? [] : await takePending(db, schema, last, limit);
  if (entries.length === 0) return { busy: false, head, sealed: 0, upTo: last };
  const moved = await insertChained(db, schema, chainEntries(head, entries));
  return { busy: false, head: moved, sealed: entries.length, upTo: last };
}
