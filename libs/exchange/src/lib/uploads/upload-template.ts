import ExcelJS from 'exceljs';
import type { RecordTypeInfo } from '@interscambio/schemas';
import { columnsOf, LIST_SEPARATOR } from './upload-columns';
import type { SchemaNode, UploadColumn } from './upload-columns';

const KIND: Record<string, string> = {
  string: 'testo',
  integer: 'numero intero',
  number: 'numero (virgola per i decimali)',
  boolean: 'sì / no',
  list: `elenco, valori separati da ${LIST_SEPARATOR}`,
  json: 'testo JSON',
};

/** The template's two rows: the Italian headers and an example taken from the schema's first example. */
export function templateRows(info: RecordTypeInfo): { columns: UploadColumn[]; header: string[]; example: string[] } {
  const columns = columnsOf(info.schema as SchemaNode);
  const example = info.examples[0] as Record<string, unknown> | undefined;
  const values = columns.map((c) =>
    c.path === 'ente' ? '082053' : c.path === 'key' ? 'ESEMPIO-1' : fieldText(c, example),
  );
  return { columns, header: columns.map((c) => c.header), example: values };
}

/** UTF-8 with a BOM (so Excel shows the accents) and `;`, as Excel writes a CSV in Italy. */
export function csvTemplate(info: RecordTypeInfo): string {
  const { header, example } = templateRows(info);
  const line = (cells: string[]): string => cells.map(quoted).join(';');
  return `\ufeff${line(header)}\r\n${line(example)}\r\n`;
}

export async function xlsxTemplate(info: RecordTypeInfo): Promise<Buffer> {
  const { columns, header, example } = templateRows(info);
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet('Dati');
  data.addRow(header).font = { bold: true };
  data.addRow(example);
  // Every column as text: Excel would otherwise drop a code's leading zeros (082053 → 82053).
  columns.forEach((c, i) => {
    const column = data.getColumn(i + 1);
    column.width = Math.min(40, Math.max(12, c.header.length + 2));
    if (c.kind === 'string' || c.kind === 'list') column.numFmt = '@';
  });
  const help = workbook.addWorksheet('Istruzioni');
  help.addRow(['Colonna', 'Campo', 'Tipo', 'Obbligatorio', 'Valori ammessi', 'Descrizione']).font = { bold: true };
  for (const c of columns)
    help.addRow([
      c.header,
      c.path,
      KIND[c.kind],
      c.required ? 'sì' : 'no',
      (c.schema.enum ?? []).map(String).join(', '),
      c.schema.description ?? '',
    ]);
  help.addRow([]);
  help.addRow([`${info.title}: una riga per record; la riga 1 è l'intestazione. Solo il primo foglio viene letto.`]);
  help.addRow([`Date come GG/MM/AAAA o AAAA-MM-GG; elenchi con i valori separati da "${LIST_SEPARATOR}".`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A document's field as the text of its column: lists joined by LIST_SEPARATOR, objects as JSON. */
export function fieldText(column: UploadColumn, document: unknown): string {
  const value = column.path
    .split('.')
    .reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], document);
  if (value === undefined || value === null) return '';
  if (Array.isArray(value) && column.kind === 'list') return value.map(String).join(` ${LIST_SEPARATOR} `);
  if (typeof value === 'boolean') return value ? 'sì' : 'no';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A CSV cell, quoted when it holds a separator, a quote or a line break. */
export function quoted(cell: string): string {
  return /[;",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
