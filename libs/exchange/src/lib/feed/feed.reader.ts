import { Injectable } from '@nestjs/common';
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

interface FeedRow {
  type: string;
  ente: string;
  key: string;
  revision: number;
  operation: RecordOperation;
  changed_at: Date;
  data: unknown;
  position: string;
}

export interface RecordFilter {
  type?: string[];
  ente?: string;
  updatedSince?: Date;
  /** Leave tombstones out (the record list) or keep them. */
  live?: boolean;
}

/**
 * Reads in feed-position order. Positions grow in commit order (see lockFeedSql), so reading "after
 * the last position seen" never skips a change that commits later.
 */
@Injectable()
export class FeedReader {
  constructor(private readonly db: Database) {}

  /** Every change from the change log, each revision once: the change feed. */
  async changes(after: bigint, types: string[] | undefined, limit: number): Promise<FeedPage> {
    const { rows } = await this.db.pool.query<FeedRow>(
      `select type, ente, key, revision, operation, changed_at, data, position from ${this.db.table('record_change')}
       where position > $1 and ($2::text[] is null or type = any($2))
       order by position limit $3`,
      [String(after), types ?? null, limit],
    );
    return pageOf(rows, after);
  }

  /** Current records by their latest change: one changed twice since `after` shows once (the record list). */
  async page(after: bigint, filter: RecordFilter, limit: number): Promise<FeedPage> {
    const { rows } = await this.db.pool.query<FeedRow>(
      `select type, ente, key, revision, operation, updated_at as changed_at, data, feed_position as position
       from ${this.db.table('record')}
       where feed_position > $1 and ($2::text[] is null or type = any($2)) and ($3::text is null or ente = $3)
         and ($4::timestamptz is null or updated_at >= $4) and (not $5 or deleted_at is null)
       order by feed_position limit $6`,
      [
        String(after),
        filter.type ?? null,
        filter.ente ?? null,
        filter.updatedSince ?? null,
        filter.live ?? false,
        limit,
      ],
    );
    return pageOf(rows, after);
  }
}

function pageOf(rows: FeedRow[], after: bigint): FeedPage {
  const last = rows.at(-1);
  return { items: rows.map(toItem), next: encodeCursor(last ? last.position : after) };
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
