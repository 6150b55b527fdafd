import { cigRule, cupRule, dateRangeRule, knownEnteRule, partitaIvaRule } from '@interscambio/exchange';
import type { ThemeRule } from '@interscambio/exchange';

/** What the lavori-pubblici schemas cannot say: CUP and CIG beyond their shape, dates in order. */
export const lavoriPubbliciRules: ThemeRule[] = [
  knownEnteRule(),
  cupRule('opera-pubblica', ['/cup']),
  cigRule('opera-pubblica', ['/cig']),
  dateRangeRule('opera-pubblica', [{ start: '/dataInizio', end: '/dataFinePrevista' }]),
  partitaIvaRule('cantiere', ['/impresaEsecutrice/partitaIva']),
  dateRangeRule('cantiere', [{ start: '/dataInizio', end: '/dataFine' }]),
];
