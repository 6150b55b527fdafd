import type { IssueDetail } from '@interscambio/http';
import type { RecordCommand, RecordRejection } from '../records/record.types';
import { explain } from './upload-messages';
import { KEY_COLUMN } from './upload-columns';
import type { UploadColumn } from './upload-columns';
import { cellValue } from './upload-values';
import type { CellProblem } from './upload-values';

/** One line of the report: "Riga 14, colonna Codice fiscale: il carattere di controllo non è corretto". */
export interface RowError {
  row: number;
  /** The column's header as the template writes it; '' for the row as a whole. */
  column: string;
  value: string;
  problem: string;
  fix: string;
  message: string;
}

/** A data row of a file: its number in the spreadsheet (the header is row 1) and its cells as text. */
export interface SheetRow {
  number: number;
  cells: string[];
}

export function rowError(row: number, column: string, value: string, { problem, fix }: CellProblem): RowError {
  const where = column ? `Riga ${row}, colonna ${column}` : `Riga ${row}`;
  return { row, column, value, problem, fix, message: `${where}: ${problem}` };
}

/**
 * The PUT a row stands for, or what keeps its cells from being one. `columns` is the file's header
 * mapped to the type's columns; an empty Ente is the uploader's own ente.
 */
export function rowCommand(
  type: string,
  columns: UploadColumn[],
  row: SheetRow,
  ente: string,
): { command: RecordCommand } | { errors: RowError[] } {
  const errors: RowError[] = [];
  if (row.cells.length > columns.length)
    errors.push(
      rowError(row.number, '', '', {
        problem: `la riga ha ${row.cells.length} celle, l’intestazione ${columns.length} colonne`,
        fix: 'Togliere le celle in più o controllare i separatori (un ; o una , dentro un testo va tra virgolette).',
      }),
    );
  const data: Record<string, unknown> = {};
  const address: Record<string, unknown> = { ente };
  columns.forEach((column, i) => {
    const text = (row.cells[i] ?? '').trim();
    if (text === '') return;
    if (column.path === 'ente' || column.path === 'key') {
      address[column.path] = column.path === 'ente' && /^\d{5}$/.test(text) ? `0${text}` : text;
      return;
    }
    const cell = cellValue(column, text);
    if ('value' in cell) setPath(data, column.path.split('.'), cell.value);
    else errors.push(rowError(row.number, column.header, text, cell));
  });
  if (address['key'] === undefined)
    errors.push(
      rowError(row.number, KEY_COLUMN.header, '', {
        problem: 'manca la chiave del record',
        fix: 'Scrivere l’identificativo del record nel vostro gestionale (lettere, cifre, . _ ~ -).',
      }),
    );
  if (errors.length > 0) return { errors };
  return { command: { op: 'put', type, ente: address['ente'], key: address['key'] ?? '', data } };
}

/** The report's lines for a row the write path refused, each naming the column its pointer leads to. */
export function rejectionErrors(row: SheetRow, columns: UploadColumn[], rejection: RecordRejection): RowError[] {
  const issues: IssueDetail[] =
    rejection.code === 'invalid-record'
      ? relevant(rejection.issues)
      : rejection.code === 'foreign-ente'
        ? [{ pointer: '/ente', keyword: 'ente', message: 'client writes records of its own ente only' }]
        : [{ pointer: '', keyword: rejection.code, message: rejection.code }];
  return issues.map((issue) => {
    const index = columnAt(columns, issue.pointer);
    const column = index >= 0 ? columns[index] : undefined;
    return rowError(
      row.number,
      column?.header ?? '',
      index >= 0 ? (row.cells[index] ?? '').trim() : '',
      explain(issue, column),
    );
  });
}

// A oneOf (a contribuente by codice fiscale OR partita IVA) reports the branch that did not match
// too: its "not allowed" and "missing" fields only confuse a clerk who filled in the other branch.
function relevant(issues: IssueDetail[]): IssueDetail[] {
  const direct = issues.filter((i) => !['oneOf', 'anyOf', 'additionalProperties', 'if'].includes(i.keyword));
  const concrete = direct.filter((i) => i.keyword !== 'required');
  const parent = (p: string): string => p.slice(0, p.lastIndexOf('/'));
  const kept = direct.filter(
    (i) => i.keyword !== 'required' || !concrete.some((c) => parent(c.pointer) === parent(i.pointer)),
  );
  return kept.length > 0 ? kept : issues.slice(0, 1);
}

/** The column a write-path pointer (`/ente`, `/key`, `/data/a/b/0`) falls in, or -1. */
function columnAt(columns: UploadColumn[], pointer: string): number {
  if (pointer === '/ente' || pointer === '/key') return columns.findIndex((c) => c.path === pointer.slice(1));
  let segments = pointer
    .replace(/^\/data/, '')
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  while (segments.length > 0) {
    const path = segments.join('.');
    const index = columns.findIndex((c) => c.path === path);
    if (index >= 0) return index;
    segments = segments.slice(0, -1);
  }
  return -1;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const next = (target[head] ??= {}) as Record<string, unknown>;
  setPath(next, rest, value);
}
