import {
  codiceCatastaleRule,
  codiceFiscaleRule,
  comuneRule,
  knownEnteRule,
  partitaIvaRule,
} from '@interscambio/exchange';
import type { ThemeRule } from '@interscambio/exchange';

/** What the tributi schemas cannot say: the contribuente's identifiers' check characters, real comuni. */
export const tributiRules: ThemeRule[] = [
  knownEnteRule(),
  codiceFiscaleRule('posizione-debitoria', ['/contribuente/codiceFiscale']),
  partitaIvaRule('posizione-debitoria', ['/contribuente/partitaIva']),
  codiceCatastaleRule('avviso-verifica-imu', ['/codiceCatastaleComune']),
  comuneRule('avviso-verifica-imu', ['/praticaEdilizia/ente']),
];
