import type { IssueDetail } from '@interscambio/http';
import type { CellProblem } from './upload-values';
import type { UploadColumn } from './upload-columns';

const FORMATS: Record<string, CellProblem> = {
  date: {
    problem: 'non è una data valida',
    fix: 'Scrivere la data come GG/MM/AAAA o AAAA-MM-GG, ad esempio 16/12/2024.',
  },
  'date-time': {
    problem: 'non è una data e ora valida',
    fix: 'Scrivere data e ora come AAAA-MM-GGThh:mm:ss+01:00, ad esempio 2024-12-16T09:30:00+01:00.',
  },
  email: { problem: 'non è un indirizzo email valido', fix: 'Scrivere un indirizzo come nome@comune.palermo.it.' },
  uri: {
    problem: 'non è un indirizzo web valido',
    fix: 'Scrivere l’indirizzo completo, ad esempio https://www.comune.it/pagina.',
  },
};

// The theme rules' keywords (libs/exchange rules/): what JSON Schema cannot say, said in Italian.
const RULES: Record<string, CellProblem> = {
  codiceFiscale: {
    problem: 'il carattere di controllo non è corretto',
    fix: 'Ricopiare il codice fiscale da un documento: l’ultimo carattere non corrisponde ai 15 precedenti.',
  },
  partitaIva: {
    problem: 'la cifra di controllo non è corretta',
    fix: 'Ricopiare la partita IVA (11 cifre) da un documento: l’ultima cifra non corrisponde alle precedenti.',
  },
  cup: { problem: 'non è un CUP valido', fix: 'Ricopiare il CUP (15 caratteri) dalla banca dati del DIPE.' },
  cig: { problem: 'non è un CIG valido', fix: 'Ricopiare il CIG (10 caratteri) dalla banca dati ANAC.' },
  comune: {
    problem: 'non è il codice ISTAT di un comune dell’area',
    fix: 'Scrivere il codice ISTAT a 6 cifre, ad esempio 082053.',
  },
  codiceCatastale: {
    problem: 'non è il codice catastale di un comune dell’area',
    fix: 'Scrivere il codice catastale (una lettera e tre cifre), ad esempio G273.',
  },
  text: { problem: 'contiene caratteri non ammessi', fix: 'Togliere i caratteri di controllo dal testo.' },
  dateRange: { problem: 'la data è precedente alla data di inizio', fix: 'Correggere una delle due date.' },
  timeRange: { problem: 'l’orario è precedente all’orario di inizio', fix: 'Correggere uno dei due orari.' },
  uniqueItems: { problem: 'il record compare più volte nel file', fix: 'Tenere una sola riga per ogni chiave.' },
};

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
