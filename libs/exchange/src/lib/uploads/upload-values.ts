import { LIST_SEPARATOR } from './upload-columns';
import type { ColumnKind, UploadColumn } from './upload-columns';

/** A cell that cannot become the value its column wants, in the report's words. */
export interface CellProblem {
  problem: string;
  fix: string;
}

export type CellValue = { value: unknown } | CellProblem;

const TRUE = new Set(['sì', 'si', 's', 'vero', 'true', '1', 'x']);
const FALSE = new Set(['no', 'n', 'falso', 'false', '0']);
const ITALIAN_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * The JSON value of a non-empty cell. Spreadsheets write numbers the Italian way (`1.234,56`) and
 * dates as `16/12/2024`: both are read as meant, so a clerk's file needs no reformatting.
 */
export function cellValue(column: UploadColumn, text: string): CellValue {
  if (column.kind === 'list') {
    const values: unknown[] = [];
    for (const part of text
      .split(LIST_SEPARATOR)
      .map((p) => p.trim())
      .filter((p) => p !== '')) {
      const item = scalar(column.item as ColumnKind, part, column.schema.items?.format);
      if (!('value' in item)) return item;
      values.push(item.value);
    }
    return { value: values };
  }
  if (column.kind === 'json') {
    try {
      return { value: JSON.parse(text) as unknown };
    } catch {
      return {
        problem: 'il contenuto non è un testo JSON valido',
        fix: 'Scrivere il valore in JSON, ad esempio [{"campo": "valore"}], o lasciare la cella vuota.',
      };
    }
  }
  return scalar(column.kind, text, column.schema.format);
}

function scalar(kind: ColumnKind, text: string, format: string | undefined): CellValue {
  switch (kind) {
    case 'integer': {
      const n = italianNumber(text, true);
      return n !== undefined && Number.isSafeInteger(n)
        ? { value: n }
        : {
            problem: 'non è un numero intero',
            fix: 'Scrivere un numero intero senza decimali né simboli, ad esempio 2024.',
          };
    }
    case 'number': {
      const n = italianNumber(text, false);
      return n !== undefined
        ? { value: n }
        : { problem: 'non è un numero', fix: 'Scrivere un numero, con la virgola per i decimali: ad esempio 38,1157.' };
    }
    case 'boolean': {
      const word = text.toLowerCase();
      if (TRUE.has(word)) return { value: true };
      if (FALSE.has(word)) return { value: false };
      return { problem: 'non è né sì né no', fix: 'Scrivere «sì» oppure «no».' };
    }
    default:
      return { value: format === 'date' ? isoDate(text) : text };
  }
}

/**
 * `1234`, `1234,5`, `1.234,5`, `1234.5` (a spreadsheet's own numbers); undefined for anything else.
 * `1.234` is a thousand for an integer, but a decimal for a number (a coordinate, as XLSX writes it).
 */
function italianNumber(text: string, integer: boolean): number | undefined {
  const t = text.replace(/\s/g, '');
  let normal: string;
  if (/^[+-]?\d+([.,]\d+)?$/.test(t) && !(integer && /^[+-]?\d{1,3}\.\d{3}$/.test(t))) normal = t.replace(',', '.');
  else if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) normal = t.replace(/\./g, '').replace(',', '.');
  else return undefined;
  const n = Number(normal);
  return Number.isFinite(n) ? n : undefined;
}

/** `16/12/2024` → `2024-12-16`; anything else is left for the schema to judge. */
function isoDate(text: string): string {
  const m = ITALIAN_DATE.exec(text);
  return m ? `${m[3]}-${(m[2] as string).padStart(2, '0')}-${(m[1] as string).padStart(2, '0')}` : text;
}
