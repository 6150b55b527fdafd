import type { AuditEntryInput, SqlExecutor } from './audit-entry';
import { lockHead } from './audit-head';
import { auditHash } from './audit.hash';
import { auditTable } from './audit.sql';

/**
 * Appends entries to `"<schema>".audit_entry` in the caller's transaction, so they commit or roll
 * back with the change they describe. The head row stays locked until that commit: concurrent
 * appenders wait for each other, and seq follows commit order with no gaps.
 */
export async function appendAudit(db: SqlExecutor, schema: string, entries: AuditEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  const current = await lockHead(db, schema);

  const now = new Date();
  let seq = BigInt(current.seq);
  let hash = current.hash;
  const rows = entries.map((e) => {
    seq += 1n;
    const fields = { ...e, seq: seq.toString(), at: (e.at ?? now).toISOString() };
    const prevHash = hash;
    hash = auditHash(prevHash, fields);
    return { ...fields, prevHash, hash };
  });

  await db.query(
    `with appended as (
       insert into ${auditTable(schema, 'audit_entry')} (seq, at, client_id, ente, action, record_type, record_ente,
         record_key, revision, agreement_id, purpose, correlation_id, prev_hash, hash)
       select * from unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::text[], $8::text[], $9::integer[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[]))
     update ${auditTable(schema, 'audit_head')} set seq = $15, hash = $16`,
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
      seq.toString(),
      hash,
    ],
  );
}
