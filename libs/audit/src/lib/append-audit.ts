import type { SqlExecutor } from '@interscambio/persistence';
import type { AuditEntryInput } from './audit-entry';
import { lockHead } from './audit-head';
import type { AuditHead } from './audit-head';
import { auditHash } from './audit.hash';
import { auditTable } from './audit.sql';

interface ChainedRow extends Omit<AuditEntryInput, 'at'> {
  seq: string;
  at: string;
  prevHash: string;
  hash: string;
}

// The head this process last moved, per schema. Writers of a service mostly take turns (they hold
// its feed lock), so the head is nearly always where this process left it: the append then costs
// one round trip instead of two. A wrong guess (another replica, a rolled-back transaction) moves
// nothing and falls back to reading the head under its lock.
const lastHeads = new Map<string, AuditHead>();

/**
 * Appends entries to `"<schema>".audit_entry` in the caller's transaction, so they commit or roll
 * back with the change they describe. The head row stays locked until that commit: concurrent
 * appenders wait for each other, and seq follows commit order with no gaps.
 */
export async function appendAudit(db: SqlExecutor, schema: string, entries: AuditEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  const guess = lastHeads.get(schema);
  let rows = guess ? chain(guess, entries) : undefined;
  if (!rows || !(await append(db, schema, rows, guess))) {
    rows = chain(await lockHead(db, schema), entries);
    await append(db, schema, rows);
  }
  const last = rows[rows.length - 1] as ChainedRow;
  lastHeads.set(schema, { seq: last.seq, hash: last.hash });
}

function chain(head: AuditHead, entries: AuditEntryInput[]): ChainedRow[] {
  const now = new Date();
  let seq = BigInt(head.seq);
  let hash = head.hash;
  return entries.map((e) => {
    seq += 1n;
    const fields = { ...e, seq: seq.toString(), at: (e.at ?? now).toISOString() };
    const prevHash = hash;
    hash = auditHash(prevHash, fields);
    return { ...fields, prevHash, hash };
  });
}

/**
 * Moves the head to the last row and inserts the rows, in one statement. With `expected`, only if
 * the head is still there (the update waits for a concurrent appender, then re-checks): false when
 * it was not, and nothing was written.
 */
async function append(db: SqlExecutor, schema: string, rows: ChainedRow[], expected?: AuditHead): Promise<boolean> {
  const last = rows[rows.length - 1] as ChainedRow;
  const { rowCount } = await db.query(
    `with moved as (
       update ${auditTable(schema, 'audit_head')} set seq = $15, hash = $16
       where $17::bigint is null or (seq = $17 and hash = $18)
       returning 1)
     insert into ${auditTable(schema, 'audit_entry')} (seq, at, client_id, ente, action, record_type, record_ente,
       record_key, revision, agreement_id, purpose, correlation_id, prev_hash, hash)
     select * from unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[],
       $7::text[], $8::text[], $9::integer[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
     where exists (select from moved)`,
    [
      rows.map((r) => r.seq),
      rows.map((r) => r.at),
      rows.map((r) => r.clientId),
      rows.map((r) => r.ente),
      rows.map((r) => r.action),
      rows.map((r) => r.recordType),
      rows.map((r) => r.recordEnte),
      rows.map((r) => r.recordKey),
      rows.map((r) => r.revision),
      rows.map((r) => r.agreementId ?? null),
      rows.map((r) => r.purpose ?? null),
      rows.map((r) => r.correlationId),
      rows.map((r) => r.prevHash),
      rows.map((r) => r.hash),
      last.seq,
      last.hash,
      expected?.seq ?? null,
      expected?.hash ?? null,
    ],
  );
  return rowCount === rows.length;
}
