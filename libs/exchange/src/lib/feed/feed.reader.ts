import { Injectable } from '@nestjs/common';
import { grantJoinSql, visibleSql } from '../access/record-grant.sql';
import type { RecordRead } from '../access/read-audit';
import type { RecordOperation } from '../records/record.types';
import { Database } from '../storage/database';
import { encodeCursor } from './cursor';

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

interface FeedRow {
  type: string;
  ente: string;
  key: string;
  revision: number;
  operation: RecordOperation;
  changed_at: Date;
  data: unknown;
  position: string;
  visibility: string;
  agreement_id: string | null;
  purpose: string | null;
}

export interface RecordFilter {
  type?: string[];
  ente?: string;
  updatedSince?: Date;
  /** Leave tombstones out (the record list) or keep them. */
  live?: boolean;
}

/**
 * Reads in feed-position order what `reader` (an ente) may see. Positions grow in commit order (see
 * lockFeedSql), so reading "after the last position seen" never skips a change that commits later;
 * filtering in SQL keeps pages full and never shows a record the reader may not see.
 */
@Injectable()
export class FeedReader {
  constructor(private readonly db: Database) {}

  /** Every change from the change log, each revision once: the change feed. */
  async changes(reader: string, after: bigint, types: string[] | undefined, limit: number): Promise<ReadPage> {
    const { rows } = await this.db.pool.query<FeedRow>(
      `select r.type, r.ente, r.key, r.revision, r.operation, r.changed_at, r.data, r.position, r.visibility,
         g.agreement_id, g.purpose
       from ${this.db.table('record_change')} r ${grantJoinSql(this.db.table('agreement'), '$4')}
       where r.position > $1 and ($2::text[] is null or r.type = any($2)) and ${visibleSql('$4')}
       order by r.position limit $3`,
      [String(after), types ?? null, limit, reader],
    );
    return pageOf(rows, after);
  }

  /** Current records by their latest change: one changed twice since `after` shows once (the record list). */
  async page(reader: string, after: bigint, filter: RecordFilter, limit: number): Promise<ReadPage> {
    const { rows } = await this.db.pool.query<FeedRow>(
      `select r.type, r.ente, r.key, r.revision, r.operation, r.updated_at as changed_at, r.data,
         r.feed_position as position, r.visibility, g.agreement_id, g.purpose
       from ${this.db.table('record')} r ${grantJoinSql(this.db.table('agreement'), '$7')}
       where r.feed_position > $1 and ($2::text[] is null or r.type = any($2)) and ($3::text is null or r.ente = $3)
         and ($4::timestamptz is null or r.updated_at >= $4) and (not $5 or r.deleted_at is null)
         and ${visibleSql('$7')}
       order by r.feed_position limit $6`,
      [
        String(after),
        filter.type ?? null,
        filter.ente ?? null,
        filter.updatedSince ?? null,
        filter.live ?? false,
        limit,
        reader,
      ],
    );
    return pageOf(rows, after);
  }
}

function pageOf(rows: FeedRow[], after: bigint): ReadPage {
  const last = rows.at(-1);
  return {
    items: rows.map(toItem),
    next: encodeCursor(last ? last.position : after),
    personale: rows
      .filter((r) => r.visibility === 'personale')
      .map((r) => ({
        type: r.type,
        ente: r.ente,
        key: r.key,
        revision: r.revision,
        agreementId: r.agreement_id,
        purpose: r.purpose,
      })),
  };
}

function toItem(row: FeedRow): FeedItem {
  return {
    type: row.type,
    ente: row.ente,
    key: row.key,
    revision: row.revision,
    operation: row.operation,
    updatedAt: row.changed_at.toISOString(),
    data: row.data,
  };
}
