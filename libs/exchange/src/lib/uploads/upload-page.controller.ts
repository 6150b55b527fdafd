import { Controller, Get, Res } from '@nestjs/common';
import { Operation, Public } from '@interscambio/http';
import type { HttpReply } from '@interscambio/http';
import { ThemeCatalog } from '../catalog/theme.catalog';
import { uploadPage } from './upload-page';

/** The page clerks upload spreadsheets through (upload-page.ts), until the console has one. */
@Public()
@Controller('caricamento')
export class UploadPageController {
  constructor(private readonly catalog: ThemeCatalog) {}

  @Get()
  @Operation(
    'La pagina da cui un ufficio carica un foglio di calcolo, dal browser',
    'The page an office uploads a spreadsheet from, in a browser',
  )
  page(@Res() reply: HttpReply): HttpReply {
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'")
      .send(uploadPage(this.catalog.themes(), this.catalog.theme));
  }
}
