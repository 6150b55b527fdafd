import type { IssueDetail } from '@interscambio/http';
import { entiByIstat } from '@interscambio/enti';
import type { Ente } from '@interscambio/enti';
import { fieldRule } from './field.rule';
import { EVERY_TYPE } from './theme-rule';
import type { RuleContext, ThemeRule } from './theme-rule';

const AREA = 'the Città Metropolitane di Palermo and Messina';
const AREA_IT = 'delle Città Metropolitane di Palermo e Messina';

/**
 * The ente of the path takes part: a well-formed ISTAT code of somebody else would otherwise be
 * stored as if that ente had published. Applies to every record type.
 */
export function knownEnteRule(known: ReadonlyMap<string, Ente> = entiByIstat()): ThemeRule {
  return {
    type: EVERY_TYPE,
    check(_document: unknown, context?: RuleContext): IssueDetail[] {
      if (!context || known.has(context.ente)) return [];
      const message = `ente ${context.ente} (in the path) is not an ente of ${AREA}`;
      const it = `l'ente ${context.ente} (nel percorso) non è un ente ${AREA_IT}`;
      return [{ pointer: '', keyword: 'ente', message, it }];
    },
  };
}

/** The ISTAT codes at `pointers` (a comune named inside the document) are enti that take part. */
export function comuneRule(
  type: string,
  pointers: string[],
  known: ReadonlyMap<string, Ente> = entiByIstat(),
): ThemeRule {
  return fieldRule(type, pointers, {
    keyword: 'comune',
    valid: (code) => known.has(code),
    message: `is not the ISTAT code of a comune of ${AREA}`,
    it: `non è il codice ISTAT di un comune ${AREA_IT}`,
  });
}

/** The Belfiore codes at `pointers` (cadastral references) are those of comuni that take part. */
export function codiceCatastaleRule(
  type: string,
  pointers: string[],
  known: ReadonlyMap<string, Ente> = entiByIstat(),
): ThemeRule {
  const codes = new Set([...known.values()].flatMap((e) => (e.codiceCatastale ? [e.codiceCatastale] : [])));
  return fieldRule(type, pointers, {
    keyword: 'codiceCatastale',
    valid: (code) => codes.has(code),
    message: `is not the codice catastale of a comune of ${AREA}`,
    it: `non è il codice catastale di un comune ${AREA_IT}`,
  });
}
