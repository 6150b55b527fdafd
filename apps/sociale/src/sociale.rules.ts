import { codiceFiscaleRule, dateRangeRule, knownEnteRule } from '@interscambio/exchange';
import type { ThemeRule } from '@interscambio/exchange';

/** What the sociale schemas cannot say: the beneficiario's codice fiscale and the order of dates. */
export const socialeRules: ThemeRule[] = [
  knownEnteRule(),
  codiceFiscaleRule('presa-in-carico', ['/beneficiario/codiceFiscale']),
  dateRangeRule('presa-in-carico', [{ start: '/dataApertura', end: '/dataChiusura' }]),
  codiceFiscaleRule('prestazione', ['/beneficiario/codiceFiscale']),
  dateRangeRule('prestazione', [{ start: '/periodo/dal', end: '/periodo/al' }]),
];
