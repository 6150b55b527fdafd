import {
  codiceCatastaleRule,
  codiceFiscaleRule,
  dateRangeRule,
  knownEnteRule,
  partitaIvaRule,
} from '@interscambio/exchange';
import type { ThemeRule } from '@interscambio/exchange';

/** What the edilizia-catasto schemas cannot say: identifiers' check characters, real comuni, dates in order. */
export const ediliziaCatastoRules: ThemeRule[] = [
  knownEnteRule(),
  codiceFiscaleRule('pratica-edilizia', ['/richiedente/codiceFiscale']),
  partitaIvaRule('pratica-edilizia', ['/richiedente/partitaIva']),
  codiceCatastaleRule('pratica-edilizia', ['/immobili/*/codiceCatastaleComune']),
  dateRangeRule('pratica-edilizia', [{ start: '/dataPresentazione', end: '/dataConclusione' }]),
  codiceCatastaleRule('unita-immobiliare', ['/codiceCatastaleComune']),
];
