import { int, nullable, oneOf, qualifiedTable, rowParser, text, textArray } from '@interscambio/persistence';
import { AUDIT_ACTIONS } from './audit-entry';
import type { AuditEntry } from './audit-entry';

/** `"<schema>"."<table>"`; schema names come from configuration, never from requests. */
export function auditTable(schema: string, table: 'audit_entry' | 'audit_head' | 'audit_pending'): string {
  return qualifiedTable(schema, table);
}

const MAX_SEQ = 2n ** 63n - 1n;

/** A seq as text: decimal digits within bigint. */
export const isSeq = (s: string): boolean => /^\d{1,19}$/.test(s) && BigInt(s) <= MAX_SEQ;

/**
 * The columns of an entry as verify and read need them; `seq` becomes text, so order by `e.seq`. `at` is read with microseconds so that a
 * timestamp altered below the millisecond still changes the hashed text (see atFromDatabase).
 */
export const auditColumnsSql = `seq::text as seq,
  to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
  client_id, ente, action, record_type, record_ente, record_key, revision,
  agreement_id, purpose, correlation_id, fields, prev_hash, hash`;

/** The columns every form of an entry shares (audit_entry and audit_pending). */
export const auditFieldColumns = {
  client_id: text,
  ente: text,
  action: oneOf(AUDIT_ACTIONS),
  record_type: text,
  record_ente: text,
  record_key: text,
  revision: nullable(int),
  agreement_id: nullable(text),
  purpose: nullable(text),
  correlation_id: text,
  fields: nullable(textArray),
};

/** A row of `auditColumnsSql`; `at` may be null in a tampered row, which verification then reports. */
export const parseAuditRow = rowParser('audit_entry', {
  ...auditFieldColumns,
  seq: text,
  at: nullable(text),
  prev_hash: text,
  hash: text,
});
export type AuditRow = ReturnType<typeof parseAuditRow>;

/** Back to `toISOString` form when the stored time has whole milliseconds, as every appended one has. */
function atFromDatabase(at: string | null): string {
  return at === null ? '' : at.replace(/(\.\d{3})000Z$/, '$1Z');
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: atFromDatabase(row.at),
    clientId: row.client_id,
    ente: row.ente,
    action: row.action,
    recordType: row.record_type,
    recordEnte: row.record_ente,
    recordKey: row.record_key,
    revision: row.revision,
    agreementId: row.agreement_id,
    purpose: row.purpose,
    correlationId: row.correlation_id,
    fields: row.fields,
    hash: row.hash,
  };
}
