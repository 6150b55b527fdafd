import type { SqlExecutor } from '@interscambio/persistence';
import type { AuditHead } from './audit-head';
import type { PendingEntry } from './audit-pending';
import { auditHash } from './audit.hash';
import { auditTable } from './audit.sql';

interface ChainedEntry extends PendingEntry {
  seq: string;
  prevHash: string;
  hash: string;
}

/** Links the entries, in the order given, onto the head: seq head+1, head+2, … */
export function chainEntries(head: AuditHead, entries: PendingEntry[]): ChainedEntry[] {
  let seq = BigInt(head.seq);
  let hash = head.hash;
  return entries.map((e) => {
    seq += 1n;
    const prevHash = hash;
    hash = auditHash(prevHash, { ...e, seq: seq.toString() });
    return { ...e, seq: seq.toString(), prevHash, hash };
  });
}

/** Inserts the chained entries (at least one) and moves the head to the last of them, in one statement. */
export async function insertChained(db: SqlExecutor, schema: string, rows: ChainedEntry[]): Promise<AuditHead> {
  const last = rows[rows.length - 1] as ChainedEntry;
  await db.query(
    `with moved as (update ${auditTable(schema, 'audit_head')} set seq = $15, hash = $16)
     insert into ${auditTable(schema, 'audit_entry')} (seq, at, client_id, ente, action, record_type, record_ente,
       record_key, revision, agreement_id, purpose, correlation_id, prev_hash, hash, fields)
     select * from unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[],
       $7::text[], $8::text[], $9::integer[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
       $17::jsonb[])`,
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
      rows.map((r) => r.agreementId),
      rows.map((r) => r.purpose),
      rows.map((r) => r.correlationId),
      rows.map((r) => r.prevHash),
      rows.map((r) => r.hash),
      last.seq,
      last.hash,
      rows.map((r) => (r.fields ? JSON.stringify(r.fields) : null)),
    ],
  );
  return { seq: last.seq, hash: last.hash };
}
