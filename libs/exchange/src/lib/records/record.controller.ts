import { Body, Controller, Delete, Get, Put, Query, Res } from '@nestjs/common';
import { Scopes } from '@interscambio/access';
import { send } from '@interscambio/http';
import type { HttpReply } from '@interscambio/http';
import { HistoryService } from '../history/history.service';
import { Call } from './record-call';
import type { RecordCall } from './record-call';
import { RecordService } from './record.service';

/** One record, addressed by type, ente and key. */
@Controller('records/:type/:ente/:key')
export class RecordController {
  constructor(
    private readonly records: RecordService,
    private readonly history: HistoryService,
  ) {}

  @Put()
  @Scopes('records:write')
  async put(@Call() call: RecordCall, @Body() body: unknown, @Res() reply: HttpReply): Promise<HttpReply> {
    return send(reply, await this.records.put(call, body));
  }

  @Get()
  @Scopes('records:read')
  async get(@Call() call: RecordCall, @Res() reply: HttpReply, @Query('asOf') asOf?: string): Promise<HttpReply> {
    if (asOf !== undefined) return send(reply, await this.history.asOf(call, asOf));
    return send(reply, await this.records.get(call));
  }

  @Delete()
  @Scopes('records:write')
  async remove(@Call() call: RecordCall, @Res() reply: HttpReply): Promise<HttpReply> {
    return send(reply, await this.records.remove(call));
  }
}
