import type { SqlExecutor } from '@interscambio/persistence';
import type { AuditEntry } from './audit-entry';
import { InvalidAuditPageError } from './audit.errors';
import { auditColumnsSql, auditTable, isSeq, parseAuditRow, toAuditEntry } from './audit.sql';

export interface AuditRecordFilter {
  recordType: string;
  recordEnte: string;
  recordKey: string;
}

export interface AuditPage {
  /** The seq of the last entry already seen; absent for the first page. */
  after?: string;
  limit: number;
}

/** One record's trail, oldest first; `next` is the `after` of the following page, null on the last. */
export async function readAudit(
  db: SqlExecutor,
  schema: string,
  filter: AuditRecordFilter,
  page: AuditPage,
): Promise<{ items: AuditEntry[]; next: string | null }> {
  const after = page.after ?? '0';
  if (!isSeq(after)) throw new InvalidAuditPageError(`after ${JSON.stringify(after)} is not a seq`);
  if (!Number.isSafeInteger(page.limit) || page.limit < 1) throw new InvalidAuditPageError(`limit ${page.limit}`);
  const { rows } = await db.query(
    `select ${auditColumnsSql} from ${auditTable(schema, 'audit_entry')} e
     where e.record_type = $1 and e.record_ente = $2 and e.record_key = $3 and e.seq > $4
     order by e.seq limit $5`,
    [filter.recordType, filter.recordEnte, filter.recordKey, after, page.limit + 1],
  );
  const items = rows.slice(0, page.limit).map((row) => toAuditEntry(parseAuditRow(row)));
  const more = rows.length > page.limit;
  return { items, next: more ? (items[items.length - 1]?.seq ?? null) : null };
}
