import { Controller, Get } from '@nestjs/common';
import { Scopes } from '@interscambio/access';
import { Call } from '../records/record-call';
import type { RecordCall } from '../records/record-call';
import { HistoryService } from './history.service';
import type { RevisionItem } from './history.service';

/** The revisions of one record: who wrote each, when, and what changed. */
@Controller('records/:type/:ente/:key/revisions')
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  @Get()
  @Scopes('records:read')
  revisions(@Call() call: RecordCall): Promise<{ items: RevisionItem[] }> {
    return this.history.revisions(call);
  }
}
