import type { IssueDetail } from '@interscambio/http';
import type { CellProblem } from './upload-values';
import type { UploadColumn } from './upload-columns';
import catalogue from './upload-messages.json';

// The words for a cell a format refuses, and for one a theme rule's keyword refuses (libs/exchange
// rules/: what JSON Schema cannot say), said in Italian.
const FORMATS: Record<string, CellProblem> = catalogue.formats;
const RULES: Record<string, CellProblem> = catalogue.rules;

/** What is wrong with a cell and how to fix it, from an issue of the write path (schema or theme rule). */
export function explain(issue: IssueDetail, column: UploadColumn | undefined): CellProblem {
  const schema = column?.schema ?? {};
  const rule = RULES[issue.keyword];
  if (rule) return rule;
  switch (issue.keyword) {
    case 'required':
      return { problem: 'manca un valore obbligatorio', fix: 'Compilare la cella.' };
    case 'enum':
      return {
        problem: 'il valore non è tra quelli ammessi',
        fix: `Usare uno di questi valori: ${(schema.enum ?? []).map(String).join(', ')}.`,
      };
    case 'format':
      return FORMATS[schema.format ?? ''] ?? { problem: 'il valore non ha il formato richiesto', fix: hint(column) };
    case 'pattern':
      return { problem: 'il valore non ha la forma richiesta', fix: hint(column) };
    case 'minimum':
    case 'exclusiveMinimum':
      return {
        problem: 'il valore è troppo piccolo',
        fix: `Il valore minimo è ${String(schema['minimum'] ?? schema['exclusiveMinimum'] ?? 0)}.`,
      };
    case 'maximum':
    case 'exclusiveMaximum':
      return {
        problem: 'il valore è troppo grande',
        fix: `Il valore massimo è ${String(schema['maximum'] ?? schema['exclusiveMaximum'] ?? '')}.`.replace(
          ' è .',
          ' è indicato nel modello.',
        ),
      };
    case 'minLength':
      return { problem: 'il testo è troppo corto', fix: `Scrivere almeno ${String(schema['minLength'])} caratteri.` };
    case 'maxLength':
      return {
        problem: 'il testo è troppo lungo',
        fix: `Scrivere al massimo ${String(schema['maxLength'])} caratteri.`,
      };
    case 'type':
      return { problem: 'il valore non è del tipo richiesto', fix: hint(column) };
    case 'ente':
      return issue.message.startsWith('client')
        ? {
            problem: 'è un ente diverso dal vostro',
            fix: 'Caricare solo record del proprio ente (o lasciare la cella vuota).',
          }
        : {
            problem: 'non è il codice ISTAT di un ente dell’area',
            fix: 'Scrivere il codice ISTAT a 6 cifre, ad esempio 082053.',
          };
    case 'key':
      return {
        problem: 'non è una chiave valida',
        fix: 'Usare da 1 a 200 lettere, cifre, punti, trattini o trattini bassi, iniziando con una lettera o una cifra.',
      };
    default:
      // A check this table does not know yet (a new theme rule): its own words, still naming the cell.
      return { problem: `il valore non è accettato (${issue.message})`, fix: hint(column) };
  }
}

function hint(column: UploadColumn | undefined): string {
  const description = column?.schema.description;
  return description
    ? `Indicazioni del modello: ${description}`
    : 'Confrontare il valore con la riga di esempio del modello.';
}
