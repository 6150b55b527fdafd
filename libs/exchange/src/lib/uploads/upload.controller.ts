import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { Scopes } from '@interscambio/access';
import { Public } from '@interscambio/http';
import type { HttpReply } from '@interscambio/http';
import { ThemeCatalog } from '../catalog/theme.catalog';
import { ExchangeSettings } from '../exchange.settings';
import { Call } from '../records/record-call';
import type { TypeCall } from '../records/record-call';
import { columnsOf } from './upload-columns';
import type { SchemaNode } from './upload-columns';
import { jsonReport, uploadView, xlsxReport } from './upload-report';
import { csvTemplate, xlsxTemplate } from './upload-template';
import { UploadProcessor } from './upload.processor';
import { OwnUpload } from './own-upload';
import { UploadReceiver } from './upload.receiver';
import { UploadStore } from './upload.store';
import type { Upload } from './upload.store';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Spreadsheets of one record type: its templates, uploads, their progress and reports. */
@Controller('records/:type')
export class UploadController {
  constructor(
    private readonly catalog: ThemeCatalog,
    private readonly settings: ExchangeSettings,
    private readonly receiver: UploadReceiver,
    private readonly processor: UploadProcessor,
    private readonly store: UploadStore,
  ) {}

  @Post('uploads')
  @HttpCode(202)
  @Scopes('records:write')
  async upload(@Call() call: TypeCall, @Body() body: unknown, @Res() reply: HttpReply): Promise<HttpReply> {
    const id = await this.receiver.receive(call, body);
    this.processor.wake();
    const upload = (await this.store.find(id)) as Upload;
    const view = uploadView(upload, this.settings.basePath);
    return reply
      .status(202)
      .header('location', `${this.settings.basePath}/records/${call.at.type}/uploads/${id}`)
      .header('content-type', 'application/json; charset=utf-8')
      .send(view);
  }

  @Get('uploads/:id')
  @Scopes('records:write')
  status(@OwnUpload() upload: Upload): Record<string, unknown> {
    return uploadView(upload, this.settings.basePath);
  }

  @Get('uploads/:id/report.json')
  @Scopes('records:write')
  jsonReport(@OwnUpload() upload: Upload, @Res() reply: HttpReply): HttpReply {
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .send(jsonReport(this.store, upload, this.settings.basePath));
  }

  @Get('uploads/:id/report.xlsx')
  @Scopes('records:write')
  xlsxReport(@OwnUpload() upload: Upload, @Res() reply: HttpReply): HttpReply {
    const all = columnsOf(this.catalog.info(upload.type).schema as SchemaNode);
    const headers = upload.columns.map((path) => all.find((c) => c.path === path)?.header ?? path);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="esito-${upload.id}.xlsx"`)
      .send(xlsxReport(this.store, upload, headers));
  }

  @Get('template.csv')
  @Public()
  template(@Param('type') type: string, @Res() reply: HttpReply): HttpReply {
    // The type is resolved first: only a known type's name goes into a header.
    const info = this.catalog.info(type);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${info.type}.csv"`)
      .send(csvTemplate(info));
  }

  @Get('template.xlsx')
  @Public()
  async xlsxTemplate(@Param('type') type: string, @Res() reply: HttpReply): Promise<HttpReply> {
    const info = this.catalog.info(type);
    const workbook = await xlsxTemplate(info);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="${info.type}.xlsx"`)
      .send(workbook);
  }
}
