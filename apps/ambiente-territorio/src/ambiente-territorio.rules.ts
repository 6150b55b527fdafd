import { dateRangeRule, knownEnteRule } from '@interscambio/exchange';
import type { ThemeRule } from '@interscambio/exchange';

// A collection slot may run past midnight (21:00–06:00), so its hours have no order to check.
/** What the ambiente-territorio schemas cannot say: periods and updates in order. */
export const ambienteTerritorioRules: ThemeRule[] = [
  knownEnteRule(),
  dateRangeRule('calendario-raccolta-rifiuti', [{ start: '/validoDal', end: '/validoAl' }]),
  dateRangeRule('segnalazione', [{ start: '/dataSegnalazione', end: '/dataAggiornamento' }]),
];
