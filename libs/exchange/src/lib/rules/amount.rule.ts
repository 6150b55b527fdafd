import type { IssueDetail } from '@interscambio/http';
import { bindWildcards, valueAt, valuesAt } from './json-pointer';
import type { ThemeRule } from './theme-rule';

/**
 * Amounts (euro cents) at `pointers` are not negative, where a schema cannot say it with `minimum`
 * alone (amounts inside free-form maps, or a `$defs` shared with signed values). The keyword is
 * `minimum`, as if the schema had said it.
 */
export function nonNegativeRule(type: string, pointers: string[]): ThemeRule {
  return {
    type,
    check(document: unknown): IssueDetail[] {
      return pointers.flatMap((pattern) =>
        valuesAt(document, pattern)
          .filter(({ value }) => typeof value === 'number' && value < 0)
          .map(({ pointer }) => ({ pointer, keyword: 'minimum', message: 'must be >= 0', it: 'deve essere >= 0' })),
      );
    },
  };
}

/** A number and its bound in the same document: paid out of due, minimum age of maximum age. */
export interface Bound {
  value: string;
  limit: string;
}

/** Each value is at most its limit (`*` pairs items of one array); absent ones are not checked. */
export function atMostRule(type: string, bounds: Bound[]): ThemeRule {
  return {
    type,
    check(document: unknown): IssueDetail[] {
      return bounds.flatMap((bound) =>
        valuesAt(document, bound.value).flatMap(({ pointer, value }) => {
          const limitPointer = bindWildcards(bound.limit, { pattern: bound.value, pointer });
          const limit = valueAt(document, limitPointer);
          if (typeof value !== 'number' || typeof limit !== 'number' || value <= limit) return [];
          const message = `must be <= ${limitPointer} (${limit})`;
          return [{ pointer, keyword: 'maximum', message, it: `deve essere <= ${limitPointer} (${limit})` }];
        }),
      );
    },
  };
}
