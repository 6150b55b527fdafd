import { codiceFiscaleRule, partitaIvaRule } from '@interscambio/exchange';
import type { ThemeRule } from '@interscambio/exchange';

/** What the tributi schemas cannot say: the check characters of the contribuente's identifiers. */
export const tributiRules: ThemeRule[] = [
  codiceFiscaleRule('posizione-debitoria', ['/contribuente/codiceFiscale']),
  partitaIvaRule('posizione-debitoria', ['/contribuente/partitaIva']),
];
