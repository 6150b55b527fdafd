import { prepared } from '@interscambio/persistence';
import type { SqlExecutor } from '@interscambio/persistence';
import type { AuditEntryInput } from './audit-entry';
import { auditTable } from './audit.sql';

/**
 * Appends entries to `"<schema>".audit_pending` in the caller's transaction, so they commit or roll
 * back with the change they describe. One insert, no lock and no read: concurrent appenders never
 * wait for each other. The sealer (sealAudit, AuditSealer) links them into the chain after commit.
 */
export async function appendAudit(db: SqlExecutor, schema: string, entries: AuditEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  const now = new Date();
  const source = `unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
    $7::text[], $8::integer[], $9::text[], $10::text[], $11::text[], $12::jsonb[])
    as e(at, client_id, ente, action, record_type, record_ente, record_key, revision, agreement_id, purpose, correlation_id,
      fields)`;
  await db.query(prepared(appendAuditSql(schema, source)), [
    entries.map((e) => (e.at ?? now).toISOString()),
    entries.map((e) => e.clientId),
    entries.map((e) => e.ente),
    entries.map((e) => e.action),
    entries.map((e) => e.recordType),
    entries.map((e) => e.recordEnte),
    entries.map((e) => e.recordKey),
    entries.map((e) => e.revision),
    entries.map((e) => e.agreementId ?? null),
    entries.map((e) => e.purpose ?? null),
    entries.map((e) => e.correlationId),
    entries.map((e) => (e.fields ? JSON.stringify(e.fields) : null)),
  ]);
}

/**
 * The insert appendAudit runs, from any `source` with its columns (at, client_id, ente, action,
 * record_type, record_ente, record_key, revision, agreement_id, purpose, correlation_id, fields): a writer
 * can append its entries in the same statement as the change they describe.
 */
export function appendAuditSql(schema: string, source: string): string {
  return `insert into ${auditTable(schema, 'audit_pending')} (at, client_id, ente, action, record_type, record_ente,
      record_key, revision, agreement_id, purpose, correlation_id, fields)
    select at, client_id, ente, action, record_type, record_ente, record_key, revision, agreement_id, purpose,
      correlation_id, fields
    from ${source}`;
}
