import type { IssueDetail } from '../problem/exchange.error';
import { isCodiceFiscale, isPartitaIva } from './codice-fiscale';
import { valueAt } from './json-pointer';
import type { ThemeRule } from './theme-rule';

/** Checks the check character of the codici fiscali found at `pointers` (absent fields are skipped). */
export function codiceFiscaleRule(type: string, pointers: string[]): ThemeRule {
  return checkDigitRule(
    type,
    pointers,
    'codiceFiscale',
    isCodiceFiscale,
    'is not a valid codice fiscale (check character)',
  );
}

/** Checks the check digit of the partite IVA found at `pointers` (absent fields are skipped). */
export function partitaIvaRule(type: string, pointers: string[]): ThemeRule {
  return checkDigitRule(type, pointers, 'partitaIva', isPartitaIva, 'is not a valid partita IVA (check digit)');
}

function checkDigitRule(
  type: string,
  pointers: string[],
  keyword: string,
  valid: (v: string) => boolean,
  message: string,
): ThemeRule {
  return {
    type,
    check(document: unknown): IssueDetail[] {
      return pointers.flatMap((pointer) => {
        const value = valueAt(document, pointer);
        return typeof value === 'string' && !valid(value) ? [{ pointer, keyword, message }] : [];
      });
    },
  };
}
