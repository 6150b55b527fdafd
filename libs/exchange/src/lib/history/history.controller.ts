import { Controller, Get, Req } from '@nestjs/common';
import { CurrentCaller, Scopes } from '@interscambio/access';
import type { Caller } from '@interscambio/access';
import type { HttpRequest } from '@interscambio/http';
import { RecordAt } from '../records/record-at';
import type { RecordAddress } from '../records/record.service';
import { HistoryService } from './history.service';
import type { RevisionItem } from './history.service';

/** The revisions of one record: who wrote each, when, and what changed. */
@Controller('records/:type/:ente/:key/revisions')
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  @Get()
  @Scopes('records:read')
  revisions(
    @RecordAt() at: RecordAddress,
    @Req() request: HttpRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<{ items: RevisionItem[] }> {
    return this.history.revisions(at, request, caller);
  }
}
