import { Body, Controller, Delete, Get, Put, Query, Req, Res } from '@nestjs/common';
import { CurrentCaller, Scopes } from '@interscambio/access';
import type { Caller } from '@interscambio/access';
import { send } from '@interscambio/http';
import type { HttpReply, HttpRequest } from '@interscambio/http';
import { HistoryService } from '../history/history.service';
import { RecordAt } from './record-at';
import { RecordService } from './record.service';
import type { RecordAddress } from './record.service';

/** One record, addressed by type, ente and key. */
@Controller('records/:type/:ente/:key')
export class RecordController {
  constructor(
    private readonly records: RecordService,
    private readonly history: HistoryService,
  ) {}

  @Put()
  @Scopes('records:write')
  async put(
    @RecordAt() at: RecordAddress,
    @Body() body: unknown,
    @Req() request: HttpRequest,
    @Res() reply: HttpReply,
    @CurrentCaller() caller: Caller,
  ): Promise<HttpReply> {
    return send(reply, await this.records.put(at, body, request, caller));
  }

  @Get()
  @Scopes('records:read')
  async get(
    @RecordAt() at: RecordAddress,
    @Req() request: HttpRequest,
    @Res() reply: HttpReply,
    @CurrentCaller() caller: Caller,
    @Query('asOf') asOf?: string,
  ): Promise<HttpReply> {
    if (asOf !== undefined) return send(reply, await this.history.asOf(at, asOf, request, caller));
    return send(reply, await this.records.get(at, request, caller));
  }

  @Delete()
  @Scopes('records:write')
  async remove(
    @RecordAt() at: RecordAddress,
    @Req() request: HttpRequest,
    @Res() reply: HttpReply,
    @CurrentCaller() caller: Caller,
  ): Promise<HttpReply> {
    return send(reply, await this.records.remove(at, request, caller));
  }
}
