import { Scopes } from '@interscambio/access';
import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { HttpReply } from '@interscambio/http';
import { ThemeCatalog } from '../catalog/theme.catalog';
import { decodeFeedCursor } from '../feed/cursor';
import { FeedReader } from '../feed/feed.reader';
import type { FeedItem } from '../feed/feed.reader';
import { dateTimeOf, limitOf } from '../feed/query-params';
import { ReadAuditor } from '../trail/read.auditor';
import { BatchService } from './batch.service';
import { send } from '@interscambio/http';
import { Call } from './record-call';
import type { TypeCall } from './record-call';
import { checkEnte, traceOf } from './record-request';

export interface RecordList {
  items: Omit<FeedItem, 'type' | 'operation'>[];
  /** The cursor of the next page; null on the last one. */
  next: string | null;
}

/** A page's query; each value is checked where it is read. */
interface ListQuery {
  ente?: string;
  updatedSince?: string;
  limit?: string;
  cursor?: string;
}

/** The records of one type: listed page by page, or written many at a time. */
@Controller('records/:type')
export class RecordCollectionController {
  constructor(
    private readonly catalog: ThemeCatalog,
    private readonly reader: FeedReader,
    private readonly batches: BatchService,
    private readonly reads: ReadAuditor,
  ) {}

  /** Only what the caller may see: the page is filtered in SQL, so it is full and leaks nothing. */
  @Get()
  @Scopes('records:read')
  async list(@Call() call: TypeCall, @Query() query: ListQuery): Promise<RecordList> {
    const { request, caller } = call;
    const { type } = call.at;
    const { ente, updatedSince, limit, cursor } = query;
    this.catalog.info(type);
    if (ente !== undefined) checkEnte(ente);
    const size = limitOf(limit);
    const page = await this.reader.page(
      caller.ente,
      decodeFeedCursor(cursor),
      { type: [type], ente, updatedSince: dateTimeOf('updatedSince', updatedSince), live: true },
      size,
    );
    await this.reads.record(page.personale, traceOf(request, caller));
    const items = page.items.map(({ ente, key, revision, updatedAt, data }) => ({
      ente,
      key,
      revision,
      updatedAt,
      data,
    }));
    return { items, next: items.length === size ? page.next : null };
  }

  @Post('batch')
  @HttpCode(200)
  @Scopes('records:write')
  async batch(@Call() call: TypeCall, @Body() body: unknown, @Res() reply: HttpReply): Promise<HttpReply> {
    return send(reply, await this.batches.write(call, body));
  }
}
