import { int, nullable, rowParser, text } from '@interscambio/persistence';
import type { SqlExecutor } from '@interscambio/persistence';
import { AuditHeadMissingError } from './audit.errors';
import { auditTable } from './audit.sql';

const headColumns = { seq: text, hash: text };
const parseHead = rowParser('audit_head', headColumns);
const parseStart = rowParser('audit_head', { ...headColumns, stray: nullable(text), pending: int });

export type AuditHead = ReturnType<typeof parseHead>;

/** The head: seq and hash of the last sealed entry; with `lock`, locked until the caller's transaction ends. */
export async function readHead(db: SqlExecutor, schema: string, lock = false): Promise<AuditHead> {
  const { rows } = await db.query(
    `select seq::text as seq, hash from ${auditTable(schema, 'audit_head')}${lock ? ' for update' : ''}`,
  );
  if (rows.length === 0) throw new AuditHeadMissingError(schema);
  return parseHead(rows[0]);
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
       (select count(*)::int from ${auditTable(schema, 'audit_pending')}) as pending
     from ${auditTable(schema, 'audit_head')} h`,
  );
  if (rows.length === 0) throw new AuditHeadMissingError(schema);
  return parseStart(rows[0]);
}
