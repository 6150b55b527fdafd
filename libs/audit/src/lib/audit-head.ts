import type { SqlExecutor } from '@interscambio/persistence';
import { AuditHeadMissingError } from './audit.errors';
import { auditTable } from './audit.sql';

export interface AuditHead {
  seq: string;
  hash: string;
}

/** The head: seq and hash of the last sealed entry; with `lock`, locked until the caller's transaction ends. */
export async function readHead(db: SqlExecutor, schema: string, lock = false): Promise<AuditHead> {
  const { rows } = await db.query(
    `select seq::text as seq, hash from ${auditTable(schema, 'audit_head')}${lock ? ' for update' : ''}`,
  );
  const head = rows[0] as AuditHead | undefined;
  if (!head) throw new AuditHeadMissingError(schema);
  return head;
}

export interface VerificationStart extends AuditHead {
  /** The lowest seq of any row outside 1..head. */
  stray: string | null;
  /** Entries appended and not yet sealed. */
  pending: number;
}

/**
 * The head, the lowest stray seq and the pending count, from one statement, hence one snapshot: a
 * seal commits its rows and the head together, so a row past the head was never sealed, whatever
 * commits while verification runs.
 */
export async function verificationStart(db: SqlExecutor, schema: string): Promise<VerificationStart> {
  const { rows } = await db.query(
    `select h.seq::text as seq, h.hash,
       (select min(e.seq)::text from ${auditTable(schema, 'audit_entry')} e where e.seq > h.seq or e.seq < 1) as stray,
       (select count(*)::text from ${auditTable(schema, 'audit_pending')}) as pending
     from ${auditTable(schema, 'audit_head')} h`,
  );
  const start = rows[0] as (AuditHead & { stray: string | null; pending: string }) | undefined;
  if (!start) throw new AuditHeadMissingError(schema);
  return { ...start, pending: Number(start.pending) };
}
