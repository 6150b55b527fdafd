import type { SqlExecutor } from '@interscambio/persistence';
import { verificationStart } from './audit-head';
import type { AuditHead } from './audit-head';
import { InvalidAuditAnchorError, InvalidAuditPageError } from './audit.errors';
import { AUDIT_GENESIS_HASH, auditHash } from './audit.hash';
import { auditColumnsSql, auditTable, isSeq, parseAuditRow, toAuditEntry } from './audit.sql';

type AuditBreak = 'hash-mismatch' | 'chain-broken' | 'sequence-gap' | 'head-mismatch' | 'anchor-mismatch';

/** A head published outside the database (to Kafka): whoever rewrites the tables cannot recall it. */
export interface AuditAnchor {
  seq: string;
  hash: string;
  /** When it was published, ISO-8601. */
  at?: string;
}

export interface AuditVerification {
  intact: boolean;
  /** Rows found sound, in seq order, before the first problem (all of them when intact). */
  entries: number;
  /** The head when verification started; rows sealed since are left to the next run. */
  head: AuditHead;
  /** Entries appended and not yet sealed when verification started. */
  pending: number;
  /** The anchor the chain was checked against. */
  anchor: AuditAnchor | null;
  firstBroken?: { seq: string; reason: AuditBreak; detail: string };
}

/**
 * Recomputes the chain from seq 1 to the head and reports the first row that does not hold, then
 * checks that the chain still reaches the anchor with the anchored hash: a trail rewritten or cut
 * consistently, head included, is intact to itself and only an anchor shows it. Pages are seq
 * ranges, not `limit`s: each query reads at most `pageSize` rows whatever plan PostgreSQL picks (a
 * range up to the head with a limit was planned as a scan of the whole rest of the table).
 */
export async function verifyAudit(
  db: SqlExecutor,
  schema: string,
  options: { pageSize?: number; anchor?: AuditAnchor } = {},
): Promise<AuditVerification> {
  const pageSize = options.pageSize ?? 1000;
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw new InvalidAuditPageError(`pageSize ${pageSize}`);
  const anchor = options.anchor ?? null;
  if (anchor && !isSeq(anchor.seq)) throw new InvalidAuditAnchorError(`seq ${JSON.stringify(anchor.seq)}`);
  if (anchor && !/^[0-9a-f]{64}$/.test(anchor.hash)) throw new InvalidAuditAnchorError('hash is not a hex SHA-256');
  const anchorSeq = anchor ? BigInt(anchor.seq) : -1n;
  const anchored = anchor ? `seq ${anchorSeq} was anchored${anchor.at ? ` at ${anchor.at}` : ''}` : '';

  const { stray, pending, ...head } = await verificationStart(db, schema);
  let entries = 0;
  const broken = (seq: string, reason: AuditBreak, detail: string): AuditVerification => ({
    intact: false,
    entries,
    head,
    pending,
    anchor,
    firstBroken: { seq, reason, detail },
  });
  const end = BigInt(head.seq);
  const anchorMismatch = (seq: bigint, hash: string): AuditVerification | undefined =>
    seq === anchorSeq && hash !== anchor?.hash
      ? broken(
          String(seq),
          'anchor-mismatch',
          `${anchored} with hash ${anchor?.hash}, the trail now holds ${hash} there and ends at seq ${end}`,
        )
      : undefined;
  if (stray !== null && BigInt(stray) < 1n)
    return broken(stray, 'chain-broken', `seq ${stray} lies before seq 1, outside the chain`);

  let last = { seq: 0n, hash: AUDIT_GENESIS_HASH };
  const genesis = anchorMismatch(last.seq, last.hash);
  if (genesis) return genesis;
  for (let from = 0n; from < end; from += BigInt(pageSize)) {
    const to = from + BigInt(pageSize) < end ? from + BigInt(pageSize) : end;
    const page = await db.query(
      `select ${auditColumnsSql} from ${auditTable(schema, 'audit_entry')} e
       where e.seq > $1 and e.seq <= $2 order by e.seq`,
      [String(from), String(to)],
    );
    for (const row of page.rows.map(parseAuditRow)) {
      const expected = last.seq + 1n;
      if (BigInt(row.seq) !== expected)
        return broken(String(expected), 'sequence-gap', `seq ${expected} is missing, the next row is seq ${row.seq}`);
      if (auditHash(row.prev_hash, toAuditEntry(row)) !== row.hash)
        return broken(row.seq, 'hash-mismatch', `the content of seq ${row.seq} no longer matches its hash`);
      if (row.prev_hash !== last.hash)
        return broken(row.seq, 'chain-broken', `prev_hash of seq ${row.seq} is not the hash of seq ${last.seq}`);
      const mismatch = anchorMismatch(expected, row.hash);
      if (mismatch) return mismatch;
      entries += 1;
      last = { seq: expected, hash: row.hash };
    }
  }

  if (last.seq !== end || last.hash !== head.hash)
    return broken(head.seq, 'head-mismatch', `the head names seq ${head.seq}, the chain ends at seq ${last.seq}`);
  if (stray !== null) return broken(stray, 'head-mismatch', `seq ${stray} lies past the head, which never reached it`);
  if (anchorSeq > end)
    return broken(String(anchorSeq), 'anchor-mismatch', `${anchored}, but the trail now ends at seq ${end}`);
  return { intact: true, entries, head, pending, anchor };
}
