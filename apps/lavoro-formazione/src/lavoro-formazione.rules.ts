import { atMostRule, codiceFiscaleRule, dateRangeRule, knownEnteRule, partitaIvaRule } from '@interscambio/exchange';
import type { ThemeRule } from '@interscambio/exchange';

/** What the lavoro-formazione schemas cannot say: identifiers' check characters, dates and ages in order. */
export const lavoroFormazioneRules: ThemeRule[] = [
  knownEnteRule(),
  codiceFiscaleRule('corso-di-formazione', ['/enteErogatore/codiceFiscale']),
  dateRangeRule('corso-di-formazione', [{ start: '/dataInizio', end: '/dataFine' }]),
  atMostRule('corso-di-formazione', [{ value: '/requisiti/etaMinima', limit: '/requisiti/etaMassima' }]),
  partitaIvaRule('offerta-di-lavoro', ['/datoreDiLavoro/partitaIva']),
  dateRangeRule('offerta-di-lavoro', [{ start: '/dataPubblicazione', end: '/dataScadenza' }]),
];
