import { comuneRule, dateRangeRule, knownEnteRule, timeRangeRule } from '@interscambio/exchange';
import type { ThemeRule } from '@interscambio/exchange';

/** What the cultura schemas cannot say: real comuni, an event's end after its start, opening hours in order. */
export const culturaRules: ThemeRule[] = [
  knownEnteRule(),
  dateRangeRule('evento', [{ start: '/dataInizio', end: '/dataFine' }]),
  comuneRule('evento', ['/luogo/indirizzo/comune']),
  comuneRule('luogo-della-cultura', ['/indirizzo/comune']),
  timeRangeRule('luogo-della-cultura', [{ start: '/orari/fasce/*/dalle', end: '/orari/fasce/*/alle' }]),
];
