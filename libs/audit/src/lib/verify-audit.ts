import type { SqlExecutor } from '@interscambio/persistence';
import { headWithStray } from './audit-head';
import { InvalidAuditPageError } from './audit.errors';
import { AUDIT_GENESIS_HASH, auditHash } from './audit.hash';
import { auditColumnsSql, auditTable, toAuditEntry } from './audit.sql';
import type { AuditRow } from './audit.sql';

export type AuditBreak = 'hash-mismatch' | 'chain-broken' | 'sequence-gap' | 'head-mismatch';

export interface AuditVerification {
  intact: boolean;
  /** Rows found sound, in seq order, before the first problem (all of them when intact). */
  entries: number;
  /** The head when verification started; rows appended since are left to the next run. */
  head: { seq: string; hash: string };
  firstBroken?: { seq: string; reason: AuditBreak; detail: string };
}

/**
 * Recomputes the chain from seq 1 to the head and reports the first row that does not hold. Pages
 * are seq ranges, not `limit`s: each query reads at most `pageSize` rows whatever plan PostgreSQL
 * picks (a range up to the head with a limit was planned as a scan of the whole rest of the table).
 */
export async function verifyAudit(
  db: SqlExecutor,
  schema: string,
  options: { pageSize?: number } = {},
): Promise<AuditVerification> {
  const pageSize = options.pageSize ?? 1000;
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw new InvalidAuditPageError(`pageSize ${pageSize}`);
  const { stray, ...head } = await headWithStray(db, schema);
  let entries = 0;
  const broken = (seq: string, reason: AuditBreak, detail: string): AuditVerification => ({
    intact: false,
    entries,
    head,
    firstBroken: { seq, reason, detail },
  });
  if (stray !== null && BigInt(stray) < 1n)
    return broken(stray, 'chain-broken', `seq ${stray} lies before seq 1, outside the chain`);

  const end = BigInt(head.seq);
  let last = { seq: 0n, hash: AUDIT_GENESIS_HASH };
  for (let from = 0n; from < end; from += BigInt(pageSize)) {
    const to = from + BigInt(pageSize) < end ? from + BigInt(pageSize) : end;
    const page = await db.query(
      `select ${auditColumnsSql} from ${auditTable(schema, 'audit_entry')} e
       where e.seq > $1 and e.seq <= $2 order by e.seq`,
      [String(from), String(to)],
    );
    for (const row of page.rows as AuditRow[]) {
      const expected = last.seq + 1n;
      if (BigInt(row.seq) !== expected)
        return broken(String(expected), 'sequence-gap', `seq ${expected} is missing, the next row is seq ${row.seq}`);
      if (auditHash(row.prev_hash, toAuditEntry(row)) !== row.hash)
        return broken(row.seq, 'hash-mismatch', `the content of seq ${row.seq} no longer matches its hash`);
      if (row.prev_hash !== last.hash)
        return broken(row.seq, 'chain-broken', `prev_hash of seq ${row.seq} is not the hash of seq ${last.seq}`);
      entries += 1;
      last = { seq: expected, hash: row.hash };
    }
  }

  if (last.seq !== end || last.hash !== head.hash)
    return broken(head.seq, 'head-mismatch', `the head names seq ${head.seq}, the chain ends at seq ${last.seq}`);
  if (stray !== null) return broken(stray, 'head-mismatch', `seq ${stray} lies past the head, which never reached it`);
  return { intact: true, entries, head };
}
