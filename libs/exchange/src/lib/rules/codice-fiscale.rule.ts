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

/**
 * A soggetto identified by its codice fiscale or by its partita IVA (the schemas' `oneOf` of the two),
 * the object at `pointer`: checks whichever of the two it has.
 */
export function soggettoRules(type: string, pointer: string): ThemeRule[] {
  return [codiceFiscaleRule(type, [`${pointer}/codiceFiscale`]), partitaIvaRule(type, [`${pointer}/partitaIva`])];
}
