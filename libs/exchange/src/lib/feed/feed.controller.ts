import { Controller, Get, Query, Req } from '@nestjs/common';
import { CurrentCaller, Scopes } from '@interscambio/access';
import type { Caller } from '@interscambio/access';
import type { HttpRequest } from '@interscambio/http';
import { ApiOAuth2, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SECURITY_SCHEME } from '../openapi/shared-components';
import { ThemeCatalog } from '../catalog/theme.catalog';
import { BadRequestError, Operation } from '@interscambio/http';
import { decodeFeedCursor } from './cursor';
import { feedPageSchema } from './feed-page.schema';
import type { FeedPage } from './feed.reader';
import { FeedService } from './feed.service';
import { ReadAuditor } from '../trail/read.auditor';
import { traceOf } from '../records/record-request';
import { limitOf, waitOf } from './query-params';

/** Every change of the theme's records, in commit order, for back offices that do not speak Kafka. */
@ApiTags('feed')
@Controller('feed')
export class FeedController {
  constructor(
    private readonly feed: FeedService,
    private readonly catalog: ThemeCatalog,
    private readonly reads: ReadAuditor,
  ) {}

  @Get()
  @ApiOAuth2(['records:read'], SECURITY_SCHEME)
  @Operation(
    'Ogni modifica in ordine di commit; un record modificato due volte dopo `after` compare due volte, una per revisione',
    'Only the changes of records the caller may see: open data, its own, and those its agreements cover.',
  )
  @ApiOkResponse({ description: 'A page of changes.', schema: feedPageSchema })
  @ApiQuery({
    name: 'after',
    required: false,
    description: 'The `next` of the previous page; from the beginning when absent.',
  })
  @ApiQuery({ name: 'types', required: false, description: 'Comma-separated record types.' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } })
  @ApiQuery({
    name: 'wait',
    required: false,
    description: 'Seconds to hold an empty answer open until a change commits.',
    schema: { type: 'integer', minimum: 0, maximum: 30, default: 0 },
  })
  @Scopes('records:read')
  async changes(
    @Req() request: HttpRequest,
    @CurrentCaller() caller: Caller,
    @Query('after') after?: string,
    @Query('types') types?: string,
    @Query('limit') limit?: string,
    @Query('wait') wait?: string,
  ): Promise<FeedPage> {
    const page = await this.feed.changes(
      caller.ente,
      decodeFeedCursor(after),
      this.typesOf(types),
      limitOf(limit),
      waitOf(wait),
    );
    await this.reads.record(page.personale, traceOf(request, caller));
    return { items: page.items, next: page.next };
  }

  private typesOf(types: string | undefined): string[] | undefined {
    if (types === undefined || types === '') return undefined;
    const known = new Set(this.catalog.types().map((t) => t.type));
    const wanted = types.split(',').map((t) => t.trim());
    const unknown = wanted.filter((t) => !known.has(t));
    if (unknown.length > 0)
      throw new BadRequestError('invalid-query', `types names unknown record types: ${unknown.join(', ')}.`);
    return wanted;
  }
}
