import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { HttpRequest } from '@interscambio/http';
import { ProblemError } from '@interscambio/http';
import { ThemeCatalog } from '../catalog/theme.catalog';
import type { TypeCall } from '../records/record-call';
import { Database } from '../storage/database';
import { columnsOf } from './upload-columns';
import type { SchemaNode } from './upload-columns';
import { mapHeader } from './upload-header';
import { detectDelimiter, sheetRows, sniffFormat } from './upload-sheet';
import type { SheetLayout } from './upload-sheet';
import {
  languageOf,
  uploadColumns,
  uploadEmpty,
  uploadMalformed,
  uploadTooLarge,
  uploadWrongFormat,
} from './upload.problems';
import type { Language } from './upload.problems';
import { UploadStore } from './upload.store';

/** The largest file taken (the gateway refuses a larger one itself: tools/scripts/gateway.ts). */
const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;
const HEAD_BYTES = 64 * 1024;

/**
 * Takes a file in: spooled to a temporary file (bounded memory), read through once to check it is
 * a well-formed CSV or XLSX whose header is the type's, then stored in PostgreSQL with its upload
 * row in one transaction. A bad file is refused whole before any row is published.
 */
@Injectable()
export class UploadReceiver {
  constructor(
    private readonly catalog: ThemeCatalog,
    private readonly store: UploadStore,
    private readonly db: Database,
  ) {}

  async receive({ at: { type }, request, caller }: TypeCall, body: unknown): Promise<string> {
    const info = this.catalog.info(type);
    const lang = languageOf(request);
    if (Number(request.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES) throw uploadTooLarge(lang, MAX_UPLOAD_BYTES);
    if (body === undefined) throw uploadEmpty(lang, false);
    // A JSON body (the only other kind a route parses) is not a spreadsheet.
    if (!isReadable(body)) throw uploadWrongFormat(lang);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'interscambio-upload-'));
    try {
      const file = path.join(dir, 'file');
      const spooled = await spool(body, file);
      if (spooled.size > MAX_UPLOAD_BYTES) throw uploadTooLarge(lang, MAX_UPLOAD_BYTES);
      if (spooled.size === 0) throw uploadEmpty(lang, false);
      const layout = layoutOf(spooled, lang);
      const scan = await this.scan(file, layout, columnsOf(info.schema as SchemaNode), lang);
      const id = uuidv7();
      await this.db.write(async (tx) => {
        await this.store.create(tx, {
          id,
          type,
          ente: caller.ente,
          clientId: caller.clientId,
          correlationId: String(request.id),
          fileName: fileNameOf(request),
          ...layout,
          size: spooled.size,
          columns: scan.columns,
          totalRows: scan.rows,
          createdAt: new Date(),
        });
        let n = 0;
        for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES }))
          await this.store.addChunk(tx, id, n++, chunk as Buffer);
      });
      return id;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** The header's columns and the number of data rows; a file that does not parse to the end is refused. */
  private async scan(file: string, layout: SheetLayout, columns: ReturnType<typeof columnsOf>, lang: Language) {
    let header: string[] | undefined;
    let rows = 0;
    try {
      for await (const row of sheetRows(createReadStream(file), layout)) {
        if (header) rows++;
        else header = row.cells;
      }
    } catch (error) {
      if (error instanceof ProblemError) throw error;
      throw uploadMalformed(lang, readingError(error));
    }
    if (!header) throw uploadEmpty(lang, false);
    const mapped = mapHeader(header, columns);
    if ('issues' in mapped) throw uploadColumns(lang, mapped.issues);
    if (rows === 0) throw uploadEmpty(lang, true);
    return { columns: mapped.columns.map((c) => c.path), rows };
  }
}

interface Spooled {
  size: number;
  head: Buffer;
  utf8: boolean;
}

/** Writes the body to `file`, stopping at MAX_UPLOAD_BYTES (the rest is read and dropped). */
async function spool(body: Readable, file: string): Promise<Spooled> {
  const out = createWriteStream(file);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let size = 0;
  let utf8 = true;
  const head: Buffer[] = [];
  for await (const chunk of body) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > MAX_UPLOAD_BYTES) continue;
    if (size - bytes.length < HEAD_BYTES) head.push(bytes);
    if (utf8)
      try {
        decoder.decode(bytes, { stream: true });
      } catch {
        utf8 = false;
      }
    if (!out.write(bytes)) await once(out, 'drain');
  }
  if (utf8)
    try {
      decoder.decode();
    } catch {
      utf8 = false;
    }
  out.end();
  await once(out, 'close');
  return { size, head: Buffer.concat(head), utf8 };
}

/** XLSX or CSV; a CSV's encoding (UTF-8 if it decodes as such, else Windows-1252) and separator. */
function layoutOf(spooled: Spooled, lang: Language): SheetLayout {
  const format = sniffFormat(spooled.head);
  if (format === 'xls' || (format === 'csv' && spooled.head.includes(0))) throw uploadWrongFormat(lang);
  if (format === 'xlsx') return { format, encoding: 'utf-8', delimiter: ',' };
  const encoding = spooled.utf8 ? 'utf-8' : 'windows-1252';
  const text = new TextDecoder(encoding).decode(spooled.head);
  return { format, encoding, delimiter: detectDelimiter(text) };
}

function readingError(error: unknown): string {
  const e = error as { code?: string; lines?: number; message?: string };
  if (typeof e.code === 'string' && e.code.startsWith('CSV_'))
    return e.code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'un testo tra virgolette non è chiuso'
      : `errore CSV alla riga ${e.lines ?? '?'} (${e.code})`;
  return 'non è un file XLSX valido';
}

/** The file's name, as the page sends it (`X-File-Name`, URI-encoded): shown in the status, nothing else. */
function fileNameOf(request: HttpRequest): string | null {
  const raw = request.headers['x-file-name'];
  if (typeof raw !== 'string') return null;
  try {
    return [...decodeURIComponent(raw)]
      .filter((c) => c >= ' ')
      .join('')
      .slice(0, 200);
  } catch {
    return null;
  }
}

function isReadable(body: unknown): body is Readable {
  return typeof (body as Readable | undefined)?.[Symbol.asyncIterator] === 'function';
}
