import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { int, json, nullable, oneOf, rowParser, text, textArray, timestamp } from '@interscambio/persistence';
import { grantJoinSql, visibleSql } from '../security/record-grant.sql';
import { shownData, shownFields } from '../security/minimised';
import type { RecordRead } from '../trail/read.auditor';
import { RECORD_OPERATIONS } from '../records/record.types';
import type { RecordOperation } from '../records/record.types';
import { Database } from '../storage/database';
import { encodeFeedCursor } from './cursor';
import type { FeedPlace } from './cursor';

/** One change of one record: `data` is the document at that revision, null for `deleted`. */
export interface FeedItem {
  type: string;
  ente: string;
  key: string;
  revision: number;
  operation: RecordOperation;
  updatedAt: string;
  data: unknown;
}

export interface FeedPage {
  items: FeedItem[];
  /** The cursor to continue from: after the last item, or where the caller already was. */
  next: string;
}

/** A page, and the reads of `personale` records in it that must be audited before it is answered. */
export interface ReadPage extends FeedPage {
  personale: RecordRead[];
}

const parseFeedRow = rowParser('record_change', {
  type: text,
  ente: text,
  key: text,
  revision: int,
  operation: oneOf(RECORD_OPERATIONS),
  changed_at: timestamp,
  data: json,
  tx: text,
  position: text,
  visibility: text,
  agreement_id: nullable(text),
  purpose: nullable(text),
  fields: nullable(textArray),
});
type FeedRow = ReturnType<typeof parseFeedRow>;

export interface RecordFilter {
  type?: string[];
  ente?: string;
  updatedSince?: Date;
  /** Leave tombstones out (the record list) or keep them. */
  live?: boolean;
}

// Changes are read only below the oldest transaction id still running anywhere in the cluster:
// every transaction below it has finished, so nothing can commit behind a place a reader passed
// (see FEED ORDER in record.sql.ts). Only transactions that wrote have an id: long read-only
// queries hold nothing back, a long write transaction does (hence a database per service).
const BOUND = '(pg_snapshot_xmin(pg_current_snapshot())::text)::bigint';
const HORIZON = '(pg_snapshot_xmax(pg_current_snapshot())::text)::bigint';

/** How long a read waits for transactions older than changes already committed (read-your-writes). */
const SETTLE_MS = 2000;
const SETTLE_POLL_MS = 5;

/**
 * Reads in feed order what `reader` (an ente) may see; filtering in SQL keeps pages full and never
 * shows a record the reader may not see.
 */
@Injectable()
export class FeedReader {
  constructor(private readonly db: Database) {}

  /** Every change from the change log, each revision once: the change feed. */
  async changes(reader: string, after: FeedPlace, types: string[] | undefined, limit: number): Promise<ReadPage> {
    const table = this.db.table('record_change');
    const rows = await this.settled(table, 'tx', 'position', after, types, limit, () =>
      this.db.pool.query(
        `select r.type, r.ente, r.key, r.revision, r.operation, r.changed_at, r.data, r.tx::text as tx,
           r.position::text as position, r.visibility, g.agreement_id, g.purpose, g.fields
         from ${table} r ${grantJoinSql(this.db.table('agreement'), '$5')}
         where (r.tx, r.position) > ($1::bigint, $2::bigint) and r.tx < ${BOUND}
           and ($3::text[] is null or r.type = any($3)) and ${visibleSql('$5')}
         order by r.tx, r.position limit $4`,
        [String(after.tx), String(after.position), types ?? null, limit, reader],
      ),
    );
    return pageOf(rows, after);
  }

  /** Current records by their latest change: one changed twice since `after` shows once (the record list). */
  async page(reader: string, after: FeedPlace, filter: RecordFilter, limit: number): Promise<ReadPage> {
    const table = this.db.table('record');
    const rows = await this.settled(table, 'feed_tx', 'feed_position', after, filter.type, limit, () =>
      this.db.pool.query(
        `select r.type, r.ente, r.key, r.revision, r.operation, r.updated_at as changed_at, r.data,
           r.feed_tx::text as tx, r.feed_position::text as position, r.visibility, g.agreement_id, g.purpose, g.fields
         from ${table} r ${grantJoinSql(this.db.table('agreement'), '$8')}
         where (r.feed_tx, r.feed_position) > ($1::bigint, $2::bigint) and r.feed_tx < ${BOUND}
           and ($3::text[] is null or r.type = any($3)) and ($4::text is null or r.ente = $4)
           and ($5::timestamptz is null or r.updated_at >= $5) and (not $6 or r.deleted_at is null)
           and ${visibleSql('$8')}
         order by r.feed_tx, r.feed_position limit $7`,
        [
          String(after.tx),
          String(after.position),
          filter.type ?? null,
          filter.ente ?? null,
          filter.updatedSince ?? null,
          filter.live ?? false,
          limit,
          reader,
        ],
      ),
    );
    return pageOf(rows, after);
  }

  /**
   * Runs `query`; when its page is not full and committed changes past `after` are still held back
   * by older transactions in flight, waits (up to SETTLE_MS) until those transactions end and runs
   * it again: a client that just wrote sees its write, and the order stays safe.
   */
  private async settled(
    table: string,
    tx: string,
    position: string,
    after: FeedPlace,
    types: string[] | undefined,
    limit: number,
    query: () => Promise<{ rows: unknown[] }>,
  ): Promise<FeedRow[]> {
    const run = async (): Promise<FeedRow[]> => (await query()).rows.map(parseFeedRow);
    const rows = await run();
    if (rows.length >= limit) return rows;
    const held = await this.db.pool.query<{ horizon: string | null }>(
      `select ${HORIZON} as horizon
       where exists (select from ${table} h where (h.${tx}, h.${position}) > ($1::bigint, $2::bigint)
         and h.${tx} >= ${BOUND} and ($3::text[] is null or h.type = any($3)))`,
      [String(after.tx), String(after.position), types ?? null],
    );
    const horizon = held.rows[0]?.horizon;
    if (horizon === undefined || horizon === null) return rows;
    for (const deadline = Date.now() + SETTLE_MS; Date.now() < deadline; await sleep(SETTLE_POLL_MS)) {
      const { rows: bound } = await this.db.pool.query<{ done: boolean }>(`select ${BOUND} >= $1::bigint as done`, [
        horizon,
      ]);
      if (bound[0]?.done) return run();
    }
    return run();
  }
}

function pageOf(rows: FeedRow[], after: FeedPlace): ReadPage {
  const last = rows.at(-1);
  return {
    items: rows.map(toItem),
    next: encodeFeedCursor(last ? { tx: BigInt(last.tx), position: BigInt(last.position) } : after),
    personale: rows
      .filter((r) => r.visibility === 'personale')
      .map((r) => ({ ...revisionOf(r), agreementId: r.agreement_id, purpose: r.purpose, fields: shownFields(r) })),
  };
}

function toItem(row: FeedRow): FeedItem {
  return {
    ...revisionOf(row),
    operation: row.operation,
    updatedAt: row.changed_at.toISOString(),
    data: shownData(row),
  };
}

/** Which revision of which record a change is: what an item shows and a personale read audits. */
function revisionOf({ type, ente, key, revision }: FeedRow): Pick<FeedItem, 'type' | 'ente' | 'key' | 'revision'> {
  return { type, ente, key, revision };
}
