import { isCodiceFiscale, isPartitaIva } from '@interscambio/enti';
import { fieldRule } from './field.rule';
import type { ThemeRule } from './theme-rule';

/** Checks the check character of the codici fiscali found at `pointers` (absent fields are skipped). */
export function codiceFiscaleRule(type: string, pointers: string[]): ThemeRule {
  return fieldRule(type, pointers, {
    keyword: 'codiceFiscale',
    valid: isCodiceFiscale,
    message: 'is not a valid codice fiscale (check character)',
    it: 'non è un codice fiscale valido (carattere di controllo)',
  });
}

/** Checks the check digit of the partite IVA found at `pointers` (absent fields are skipped). */
export function partitaIvaRule(type: string, pointers: string[]): ThemeRule {
  return fieldRule(type, pointers, {
    keyword: 'partitaIva',
    valid: isPartitaIva,
    message: 'is not a valid partita IVA (check digit)',
    it: 'non è una partita IVA valida (cifra di controllo)',
  });
}
