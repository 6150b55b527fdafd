import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RowError } from './upload-row';
import type { Upload, UploadStore } from './upload.store';

const PAGE = 1000;
const RED = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } } as const;

/** What `GET …/uploads/{id}` shows: the upload's progress, in Italian field names' English twins. */
export function uploadView(upload: Upload, basePath: string): Record<string, unknown> {
  const self = `${basePath}/records/${upload.type}/uploads/${upload.id}`;
  return {
    id: upload.id,
    type: upload.type,
    ente: upload.ente,
    status: upload.status,
    file: {
      name: upload.fileName,
      format: upload.format,
      encoding: upload.encoding,
      delimiter: upload.delimiter,
      size: upload.size,
    },
    rows: { total: upload.totalRows, read: upload.rowsRead, published: upload.published, rejected: upload.rejected },
    progress: upload.totalRows === 0 ? 1 : Math.round((upload.rowsRead / upload.totalRows) * 1000) / 1000,
    createdAt: upload.createdAt.toISOString(),
    updatedAt: upload.updatedAt.toISOString(),
    finishedAt: upload.finishedAt?.toISOString() ?? null,
    report: { json: `${self}/report.json`, xlsx: `${self}/report.xlsx` },
  };
}

/** Every rejected row's errors, page by page from PostgreSQL: a report of any size in bounded memory. */
async function* rejectedRows(
  store: UploadStore,
  id: string,
): AsyncGenerator<{ row: number; cells: string[]; errors: RowError[] }> {
  for (let after = 0; ;) {
    const page = await store.errors(id, after, PAGE);
    yield* page;
    if (page.length < PAGE) return;
    after = (page[page.length - 1] as { row: number }).row;
  }
}

/** `{ upload, errors: [{ row, column, value, problem, fix, message }] }`, streamed. */
export function jsonReport(store: UploadStore, upload: Upload, basePath: string): Readable {
  return Readable.from(
    (async function* () {
      yield `{"upload":${JSON.stringify(uploadView(upload, basePath))},"errors":[`;
      let first = true;
      for await (const row of rejectedRows(store, upload.id))
        for (const error of row.errors) {
          yield `${first ? '' : ','}${JSON.stringify(error)}`;
          first = false;
        }
      yield ']}';
    })(),
  );
}

/**
 * The report as a workbook: "Errori" lists each error (row, column, value, what is wrong, how to
 * fix it); "Righe scartate" repeats each rejected row under the file's header with the wrong cells
 * in red, ready to be corrected and uploaded again.
 */
export function xlsxReport(store: UploadStore, upload: Upload, headers: string[]): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const errors = workbook.addWorksheet('Errori');
  errors.columns = [
    { header: 'Riga', width: 8 },
    { header: 'Colonna', width: 28 },
    { header: 'Valore', width: 28 },
    { header: 'Problema', width: 48 },
    { header: 'Come correggere', width: 70 },
  ];
  const rows = workbook.addWorksheet('Righe scartate');
  rows.columns = [{ header: 'Riga', width: 8 }, ...headers.map((header) => ({ header, width: 20 }))];
  void (async () => {
    for await (const rejected of rejectedRows(store, upload.id)) {
      for (const e of rejected.errors) errors.addRow([e.row, e.column, e.value, e.problem, e.fix]).commit();
      const row = rows.addRow([rejected.row, ...rejected.cells]);
      const wrong = new Set(rejected.errors.map((e) => e.column));
      headers.forEach((header, i) => {
        if (wrong.has(header)) {
          const cell = row.getCell(i + 2);
          cell.fill = RED;
        }
      });
      if (wrong.has('')) row.getCell(1).fill = RED;
      row.commit();
    }
    errors.commit();
    rows.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
