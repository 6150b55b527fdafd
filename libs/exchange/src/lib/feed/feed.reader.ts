import { Injectable } from '@nestjs/common';
import type { RecordOperation } from '../records/record.types';
import { Database } from '../storage/database';
import { encodeCursor } from './cursor';

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
  updated_at: Date;
  data: unknown;
  feed_position: string;
}

export interface RecordFilter {
  type?: string[];
  ente?: string;
  updatedSince?: Date;
  /** Leave tombstones out (the record list) or keep them (the change feed). */
  live?: boolean;
}

/**
 * Reads records in feed-position order. Positions grow in commit order (see the write path), so
 * reading "after the last position seen" never skips a change that commits later. A record keeps
 * only its latest position: one changed twice between two reads shows up once, at its latest revision.
 */
@Injectable()
export class FeedReader {
  constructor(private readonly db: Database) {}

  async page(after: bigint, filter: RecordFilter, limit: number): Promise<FeedPage> {
    const { rows } = await this.db.pool.query<FeedRow>(
      `select type, ente, key, revision, operation, updated_at, data, feed_position from ${this.db.table('record')}
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
    const last = rows.at(-1);
    return { items: rows.map(toItem), next: encodeCursor(last ? last.feed_position : after) };
  }
}

function toItem(row: FeedRow): FeedItem {
  return {
    type: row.type,
    ente: row.ente,
    key: row.key,
    revision: row.revision,
    operation: row.operation,
    updatedAt: row.updated_at.toISOString(),
    data: row.data,
  };
}
