import { SchemaCatalog } from '@interscambio/schemas';
import type { RecordTypeInfo } from '@interscambio/schemas';

export const THEME = 'tributi';
export const TYPE = 'posizione-debitoria';
export const ENTI = ['082053', '082006', '082049', '082021'];

type Doc = Record<string, unknown>;

export function recordType(catalog: SchemaCatalog): RecordTypeInfo {
  const info = catalog.find(THEME, TYPE);
  if (!info) throw new Error(`schemas/ has no ${THEME}/${TYPE}`);
  return info;
}

/** The schema's own examples, as published: what a back office sends. */
export function validDocuments(info: RecordTypeInfo): Doc[] {
  return info.examples.map((e) => structuredClone(e) as Doc);
}

/** Each example broken the ways clients break it: several errors per document, nested ones too. */
export function invalidDocuments(info: RecordTypeInfo): Doc[] {
  return validDocuments(info)
    .flatMap((doc, i) => [
      { ...doc, tributo: 'ICI', anno: 1985, scadenza: '16/12/2024' },
      { ...doc, importo: -1, stato: undefined, extra: true },
      { ...doc, contribuente: { codiceFiscale: 'RSSMRA80A01', partitaIva: '123' }, iuv: `bad-${i}` },
    ])
    .map((d) => JSON.parse(JSON.stringify(d)) as Doc);
}

/**
 * The examples with `descrizione` filled to its 500-character limit: about 1 KB of JSON per record,
 * about 1.4 KB per Kafka message with the CloudEvent headers.
 */
export function recordDocuments(info: RecordTypeInfo): Doc[] {
  return validDocuments(info).map((doc) => {
    const base = String(doc['descrizione'] ?? '');
    return { ...doc, descrizione: `${base} — ${'dettaglio dell’avviso '.repeat(40)}`.slice(0, 500) };
  });
}
