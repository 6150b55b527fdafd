import { Body, Controller, Delete, Get, Param, Put, Req, Res } from '@nestjs/common';
import type { HttpReply, HttpRequest } from '@interscambio/http';
import { send } from '@interscambio/http';
import { RecordService } from './record.service';

/** One record, addressed by type, ente and key. */
@Controller('records/:type/:ente/:key')
export class RecordController {
  constructor(private readonly records: RecordService) {}

  @Put()
  async put(
    @Param('type') type: string,
    @Param('ente') ente: string,
    @Param('key') key: string,
    @Body() body: unknown,
    @Req() request: HttpRequest,
    @Res() reply: HttpReply,
  ): Promise<HttpReply> {
    return send(reply, await this.records.put({ type, ente, key }, body, request));
  }

  @Get()
  async get(
    @Param('type') type: string,
    @Param('ente') ente: string,
    @Param('key') key: string,
    @Req() request: HttpRequest,
    @Res() reply: HttpReply,
  ): Promise<HttpReply> {
    return send(reply, await this.records.get({ type, ente, key }, request));
  }

  @Delete()
  async remove(
    @Param('type') type: string,
    @Param('ente') ente: string,
    @Param('key') key: string,
    @Req() request: HttpRequest,
    @Res() reply: HttpReply,
  ): Promise<HttpReply> {
    return send(reply, await this.records.remove({ type, ente, key }, request));
  }
}
