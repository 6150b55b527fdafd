import { nullable, rowParser, text, timestamp } from '@interscambio/persistence';
import type { SqlExecutor } from '@interscambio/persistence';
import type { AuditFields } from './audit-entry';
import { auditFieldColumns, auditTable } from './audit.sql';

/** An appended entry not yet sealed; `at` in the ISO form its hash will cover. */
export interface PendingEntry extends AuditFields {
  id: string;
  at: string;
  agreementId: string | null;
  purpose: string | null;
  fields: string[] | null;
}

/** A row of audit_pending: an audit_entry row before the sealer numbers and chains it. */
const parsePending = rowParser('audit_pending', { ...auditFieldColumns, id: text, at: timestamp });
const parseLastId = rowParser('audit_pending', { id: nullable(text) });

/** The highest id of a committed pending entry, null when none is pending. */
export async function lastPendingId(db: SqlExecutor, schema: string): Promise<string | null> {
  const { rows } = await db.query(`select max(id)::text as id from ${auditTable(schema, 'audit_pending')}`);
  return parseLastId(rows[0]).id;
}

/** Deletes and returns up to `limit` pending entries with ids up to `upTo`, in id order. */
export async function takePending(
  db: SqlExecutor,
  schema: string,
  upTo: string,
  limit: number,
): Promise<PendingEntry[]> {
  const pending = auditTable(schema, 'audit_pending');
  const { rows } = await db.query(
    `delete from ${pending} where id in (select id from ${pending} where id <= $1 order by id limit $2)
     returning id::text as id, at, client_id, ente, action, record_type, record_ente, record_key, revision,
       agreement_id, purpose, correlation_id, fields`,
    [upTo, limit],
  );
  return rows
    .map(parsePending)
    .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))
    .map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      clientId: r.client_id,
      ente: r.ente,
      action: r.action,
      recordType: r.record_type,
      recordEnte: r.record_ente,
      recordKey: r.record_key,
      revision: r.revision,
      agreementId: r.agreement_id,
      purpose: r.purpose,
      correlationId: r.correlation_id,
      fields: r.fields,
    }));
}
