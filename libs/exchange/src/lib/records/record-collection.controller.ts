import { CurrentCaller, Scopes } from '@interscambio/access';
import type { Caller } from '@interscambio/access';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { HttpReply, HttpRequest } from '@interscambio/http';
import { ThemeCatalog } from '../catalog/theme.catalog';
import { decodeFeedCursor } from '../feed/cursor';
import { FeedReader } from '../feed/feed.reader';
import type { FeedItem } from '../feed/feed.reader';
import { dateTimeOf, limitOf } from '../feed/query-params';
import { ReadAuditor } from '../trail/read.auditor';
import { BatchService } from './batch.service';
import { send } from '@interscambio/http';
import { checkEnte, traceOf } from './record-request';

export interface RecordList {
  items: Omit<FeedItem, 'type' | 'operation'>[];
  /** The cursor of the next page; null on the last one. */
  next: string | null;
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
  async list(
    @Param('type') type: string,
    @Req() request: HttpRequest,
    @CurrentCaller() caller: Caller,
    @Query('ente') ente?: string,
    @Query('updatedSince') updatedSince?: string,
    @Query('limit') limit?: string,
    @Query('cursor') cursor?: string,
  ): Promise<RecordList> {
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
  async batch(
    @Param('type') type: string,
    @Body() body: unknown,
    @Req() request: HttpRequest,
    @Res() reply: HttpReply,
    @CurrentCaller() caller: Caller,
  ): Promise<HttpReply> {
    return send(reply, await this.batches.write(type, body, request, caller));
  }
}
