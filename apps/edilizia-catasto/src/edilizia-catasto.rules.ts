import { codiceCatastaleRule, dateRangeRule, knownEnteRule, soggettoRules } from '@interscambio/exchange';
import type { ThemeRule } from '@interscambio/exchange';

/** What the edilizia-catasto schemas cannot say: identifiers' check characters, real comuni, dates in order. */
export const ediliziaCatastoRules: ThemeRule[] = [
  knownEnteRule(),
  ...soggettoRules('pratica-edilizia', '/richiedente'),
  codiceCatastaleRule('pratica-edilizia', ['/immobili/*/codiceCatastaleComune']),
  dateRangeRule('pratica-edilizia', [{ start: '/dataPresentazione', end: '/dataConclusione' }]),
  codiceCatastaleRule('unita-immobiliare', ['/codiceCatastaleComune']),
];
