import { Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { ThemeCatalog } from '../catalog/theme.catalog';
import { decodeFeedCursor, FEED_START } from '../feed/cursor';
import { FeedReader } from '../feed/feed.reader';
import { Database } from '../storage/database';
import { errorCode } from '../uploads/upload.processor';
import type { OpenDataConfig } from './opendata.config';

const PAGE = 1000;

export class OpenDataConfigHolder {
  constructor(readonly config: OpenDataConfig) {}
}
const POLL_MS = 2000;
// A reader that is no ente and holds no agreement: the feed shows it pubblico records only.
const ANYBODY = 'opendata';

/**
 * Keeps the open-data export (opendata_record) up to date from the change feed of the theme's
 * pubblico types: each page of changes and the new cursor commit together, no rescans.
 */
@Injectable()
export class OpenDataRefresher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OpenData');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    private readonly feed: FeedReader,
    private readonly catalog: ThemeCatalog,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.refresh(), POLL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Applies every change not yet applied; at most one run at a time. */
  refresh(): Promise<void> {
    this.running ??= this.catchUp()
      .catch((error: unknown) => this.logger.warn(`open data not refreshed: ${errorCode(error)}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async catchUp(): Promise<void> {
    const types = this.catalog
      .types()
      .filter((t) => t.visibility === 'pubblico')
      .map((t) => t.type);
    if (types.length === 0) return;
    const [record, cursor] = [this.db.table('opendata_record'), this.db.table('opendata_cursor')];
    for (;;) {
      const { rows } = await this.db.pool.query<{ cursor: string }>(`select cursor from ${cursor}`);
      const after = rows[0] ? decodeFeedCursor(rows[0].cursor) : FEED_START;
      const page = await this.feed.changes(ANYBODY, after, types, PAGE);
      if (page.items.length === 0) return;
      // A record changed twice in the page counts by its latest revision.
      const latest = new Map(page.items.map((i) => [`${i.type}/${i.ente}/${i.key}`, i]));
      const live = [...latest.values()].filter((i) => i.operation !== 'deleted');
      const gone = [...latest.values()].filter((i) => i.operation === 'deleted');
      await this.db.write(async (tx) => {
        if (live.length > 0)
          await tx.query(
            `insert into ${record} (type, ente, key, revision, data, updated_at)
             select i.type, i.ente, i.key, i.revision, i.data, i.updated_at
             from json_to_recordset($1::json) as i(type text, ente text, key text, revision integer, data jsonb, updated_at timestamptz)
             on conflict (type, ente, key) do update set revision = excluded.revision, data = excluded.data,
               updated_at = excluded.updated_at where ${record}.revision < excluded.revision`,
            [JSON.stringify(live.map((i) => ({ ...i, updated_at: i.updatedAt })))],
          );
        if (gone.length > 0)
          await tx.query(
            `delete from ${record} r using json_to_recordset($1::json) as i(type text, ente text, key text, revision integer)
             where r.type = i.type and r.ente = i.ente and r.key = i.key and r.revision < i.revision`,
            [JSON.stringify(gone)],
          );
        await tx.query(
          `insert into ${cursor} (id, cursor) values (true, $1) on conflict (id) do update set cursor = excluded.cursor`,
          [page.next],
        );
      });
      if (page.items.length < PAGE) return;
    }
  }
}
