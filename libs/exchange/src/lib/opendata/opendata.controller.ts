import { Readable } from 'node:stream';
import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { Operation, ProblemError, Public } from '@interscambio/http';
import type { HttpReply, HttpRequest } from '@interscambio/http';
import { int, jsonObject, rowParser, text, timestamp } from '@interscambio/persistence';
import type { RecordTypeInfo } from '@interscambio/schemas';
import { ThemeCatalog } from '../catalog/theme.catalog';
import { entiByIstat } from '@interscambio/enti';
import { Database } from '../storage/database';
import { columnsOf } from '../uploads/upload-columns';
import { fieldText, quoted } from '../uploads/upload-template';
import type { SchemaNode, UploadColumn } from '../uploads/upload-columns';
import { dcatCatalog } from './opendata-dcat';
import type { DatasetRow, Publisher } from './opendata-dcat';
import { OpenDataConfigHolder } from './opendata.refresher';

const parseDataset: (row: unknown) => DatasetRow = rowParser('opendata_record', {
  type: text,
  ente: text,
  modified: timestamp,
});
const parseExported = rowParser('opendata_record', {
  key: text,
  revision: int,
  updated_at: timestamp,
  data: jsonObject,
});

const PAGE = 1000;

/**
 * The theme's open data, for anybody: the DCAT-AP_IT catalog and, per pubblico type and ente, the
 * records as CSV and JSON, read from the export the refresher keeps (pubblico records only).
 */
@Public()
@Controller('opendata')
export class OpenDataController {
  constructor(
    private readonly db: Database,
    private readonly catalog: ThemeCatalog,
    private readonly holder: OpenDataConfigHolder,
  ) {}

  @Get('catalog.jsonld')
  @Operation(
    'Il catalogo DCAT-AP_IT dei dati aperti del tema: un dataset per tipo pubblico e ente',
    "The DCAT-AP_IT catalogue of the theme's open data: one dataset per pubblico type and ente",
  )
  async dcat(@Req() request: HttpRequest, @Res() reply: HttpReply): Promise<HttpReply> {
    const types = new Map(this.pubblico().map((t) => [t.type, t]));
    const { rows } = await this.db.pool.query(
      `select type, ente, max(updated_at) as modified from ${this.db.table('opendata_record')}
       where type = any($1) group by type, ente order by type, ente`,
      [[...types.keys()]],
    );
    const body = dcatCatalog(
      baseOf(request, this.catalog.theme),
      this.catalog.theme,
      rows.map(parseDataset),
      types,
      publisher,
      this.holder.config,
    );
    return reply.header('content-type', 'application/ld+json; charset=utf-8').send(JSON.stringify(body));
  }

  @Get(':type/:file')
  @Operation(
    'I record pubblico di un tipo e di un ente, come <ente>.csv o <ente>.json',
    'The pubblico records of one type and one ente, as <ente>.csv or <ente>.json',
  )
  export(@Param('type') type: string, @Param('file') file: string, @Res() reply: HttpReply): HttpReply {
    const info = this.pubblico().find((t) => t.type === type);
    const match = /^(\d{6})\.(csv|json)$/.exec(file);
    if (!info || !match)
      throw new ProblemError(
        'dataset-not-found',
        404,
        { it: 'Non trovato', en: 'Not found' },
        {
          it: `Nessun dataset aperto ${type}/${file}: i dati aperti sono i tipi pubblico, come <ente>.csv o <ente>.json.`,
          en: `No open dataset ${type}/${file}: open data are the pubblico types, as <ente>.csv or <ente>.json.`,
        },
      );
    const [ente, format] = [match[1] as string, match[2] as string];
    const rows = this.rows(type, ente);
    if (format === 'json')
      return reply.header('content-type', 'application/json; charset=utf-8').send(Readable.from(jsonLines(rows)));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${type}-${ente}.csv"`)
      .send(Readable.from(csvLines(rows, columnsOf(info.schema as SchemaNode))));
  }

  private pubblico(): RecordTypeInfo[] {
    return this.catalog.types().filter((t) => t.visibility === 'pubblico');
  }

  private async *rows(
    type: string,
    ente: string,
  ): AsyncGenerator<{ key: string; revision: number; updated_at: Date; data: Record<string, unknown> }> {
    for (let after = ''; ;) {
      const rows = (
        await this.db.pool.query(
          `select key, revision, updated_at, data from ${this.db.table('opendata_record')}
         where type = $1 and ente = $2 and key > $3 order by key limit $4`,
          [type, ente, after, PAGE],
        )
      ).rows.map(parseExported);
      for (const row of rows) yield { ...row, data: { ...row.data }, ...{ ente } };
      if (rows.length < PAGE) return;
      after = (rows[rows.length - 1] as { key: string }).key;
    }
  }
}

async function* jsonLines(
  rows: AsyncIterable<{ key: string; revision: number; updated_at: Date; data: unknown }>,
): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const r of rows) {
    yield `${first ? '' : ','}${JSON.stringify({ key: r.key, revision: r.revision, updatedAt: r.updated_at.toISOString(), data: r.data })}`;
    first = false;
  }
  yield ']';
}

/** The same columns as the type's upload template (Italian headers, dotted fields), `;`, UTF-8 with a BOM. */
async function* csvLines(
  rows: AsyncIterable<{ key: string; data: Record<string, unknown> } & { ente?: string }>,
  columns: UploadColumn[],
): AsyncGenerator<string> {
  yield `\ufeff${columns.map((c) => quoted(c.header)).join(';')}\r\n`;
  for await (const r of rows) {
    const cells = columns.map((c) =>
      c.path === 'ente' ? (r.ente ?? '') : c.path === 'key' ? r.key : fieldText(c, r.data),
    );
    yield `${cells.map(quoted).join(';')}\r\n`;
  }
}

/** Comuni are `c_<codice catastale>` in the IPA index; a città metropolitana by its ISTAT code until the registry knows its IPA code. */
function publisher(ente: string): Publisher {
  const known = entiByIstat().get(ente);
  return {
    name: known?.nome ?? `Ente ${ente}`,
    ipa: known?.codiceCatastale ? `c_${known.codiceCatastale.toLowerCase()}` : `istat_${ente}`,
  };
}

/** The public address of the export: the gateway's `/opendata/<theme>` (as the Host the caller used). */
function baseOf(request: HttpRequest, theme: string): string {
  const host = String(request.headers['x-forwarded-host'] ?? request.headers.host ?? 'localhost');
  const proto = String(request.headers['x-forwarded-proto'] ?? 'http');
  return `${proto}://${host}/opendata/${theme}`;
}
