import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { SheetRow } from './upload-row';

export type SheetFormat = 'csv' | 'xlsx';
type CsvEncoding = 'utf-8' | 'windows-1252';

/** How to read a stored file, decided once when it arrives (upload.receiver.ts). */
export interface SheetLayout {
  format: SheetFormat;
  encoding: CsvEncoding;
  delimiter: string;
}

/** Every row of the file's first sheet, header included (row 1), blank rows left out. */
export function sheetRows(source: Readable, layout: SheetLayout): AsyncGenerator<SheetRow> {
  return layout.format === 'xlsx' ? xlsxRows(source) : csvRows(source, layout);
}

async function* csvRows(source: Readable, layout: SheetLayout): AsyncGenerator<SheetRow> {
  const decoder = new TextDecoder(layout.encoding);
  const decode = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
  const parser = source
    .pipe(decode)
    .pipe(
      parse({ delimiter: layout.delimiter, relax_column_count: true, skip_empty_lines: true, info: true, bom: true }),
    );
  source.on('error', (error) => parser.destroy(error));
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (record.some((cell) => cell.trim() !== '')) yield { number: info.lines, cells: record };
  }
}

async function* xlsxRows(source: Readable): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = (row.values as unknown[]).slice(1).map(cellText);
      if (values.some((cell) => cell !== '')) yield { number: row.number, cells: values };
    }
    return; // the first sheet is the data; others (instructions) are not read
  }
}

/** A cell as the text a CSV would hold: numbers with a point, dates as ISO dates, formulas by result. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'boolean') return value ? 'sì' : 'no';
  if (typeof value !== 'object') return String(value);
  const cell = value as { result?: unknown; text?: unknown; richText?: { text: string }[]; error?: unknown };
  if (cell.richText) return cell.richText.map((r) => r.text).join('');
  if ('result' in cell) return cellText(cell.result);
  if (typeof cell.text === 'string') return cell.text;
  return '';
}

/** The separator of a CSV, from its header line: `;` (Italian Excel), `,` or a tab, whichever it has most. */
export function detectDelimiter(head: string): string {
  const line = (head.split(/\r?\n/)[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((d) => [d, line.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ';';
}

/** A ZIP (XLSX) starts with `PK\3\4`; an old binary .xls with the OLE2 signature, which is refused. */
export function sniffFormat(head: Buffer): SheetFormat | 'xls' {
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) return 'xls';
  return 'csv';
}
