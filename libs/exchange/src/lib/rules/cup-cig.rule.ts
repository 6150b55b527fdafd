import { isCig, isCup } from '@interscambio/enti';
import { fieldRule } from './field.rule';
import type { ThemeRule } from './theme-rule';

/** Checks the form and year of the CUPs found at `pointers` (absent fields are skipped). */
export function cupRule(type: string, pointers: string[]): ThemeRule {
  return fieldRule(type, pointers, {
    keyword: 'cup',
    valid: (value) => isCup(value),
    message: 'is not a valid CUP (a letter, 2 digits, a letter, the year, 9 digits; the year not in the future)',
    it: "non è un CUP valido (una lettera, 2 cifre, una lettera, l'anno, 9 cifre; l'anno non nel futuro)",
  });
}

/** Checks the form and check characters of the CIGs found at `pointers` (absent fields are skipped). */
export function cigRule(type: string, pointers: string[]): ThemeRule {
  return fieldRule(type, pointers, {
    keyword: 'cig',
    valid: isCig,
    message: 'is not a valid CIG (10 characters; wrong form or check characters)',
    it: 'non è un CIG valido (10 caratteri; forma o caratteri di controllo errati)',
  });
}
