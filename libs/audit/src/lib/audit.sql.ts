import { qualifiedTable } from '@interscambio/persistence';
import type { AuditAction, AuditEntry } from './audit-entry';

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

export interface AuditRow {
  seq: string;
  at: string | null;
  client_id: string;
  ente: string;
  action: AuditAction;
  record_type: string;
  record_ente: string;
  record_key: string;
  revision: number | null;
  agreement_id: string | null;
  purpose: string | null;
  correlation_id: string;
  fields: string[] | null;
  prev_hash: string;
  hash: string;
}

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
