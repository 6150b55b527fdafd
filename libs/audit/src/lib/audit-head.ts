import type { SqlExecutor } from '@interscambio/persistence';
import { AuditHeadMissingError } from './audit.errors';
import { auditTable } from './audit.sql';

export interface AuditHead {
  seq: string;
  hash: string;
}

/** The head: seq and hash of the last appended entry, locked until the caller's transaction ends. */
export async function lockHead(db: SqlExecutor, schema: string): Promise<AuditHead> {
  const { rows } = await db.query(`select seq::text as seq, hash from ${auditTable(schema, 'audit_head')} for update`);
  const head = rows[0] as AuditHead | undefined;
  if (!head) throw new AuditHeadMissingError(schema);
  return head;
}

/**
 * The head, and the lowest seq of any row outside 1..head. Both come from one statement, hence one
 * snapshot: an append commits its rows and the head together, so a row past the head was never
 * appended, whatever commits while verification runs.
 */
export async function headWithStray(db: SqlExecutor, schema: string): Promise<AuditHead & { stray: string | null }> {
  const { rows } = await db.query(
    `select h.seq::text as seq, h.hash,
       (select min(e.seq)::text from ${auditTable(schema, 'audit_entry')} e where e.seq > h.seq or e.seq < 1) as stray
     from ${auditTable(schema, 'audit_head')} h`,
  );
  const head = rows[0] as (AuditHead & { stray: string | null }) | undefined;
  if (!head) throw new AuditHeadMissingError(schema);
  return head;
}
