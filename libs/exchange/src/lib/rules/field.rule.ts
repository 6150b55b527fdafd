import type { IssueDetail } from '@interscambio/http';
import { valuesAt } from './json-pointer';
import type { ThemeRule } from './theme-rule';

export interface FieldCheck {
  /** The issue's keyword, the same for every rule checking this kind of value. */
  keyword: string;
  valid: (value: string) => boolean;
  message: string;
  /** The message in Italian. */
  it: string;
}

/**
 * Checks every string found at `pointers` (`*` matches each item of an array); absent fields are
 * skipped, since whether a field is required is the schema's to say.
 */
export function fieldRule(type: string, pointers: string[], field: FieldCheck): ThemeRule {
  return {
    type,
    check(document: unknown): IssueDetail[] {
      return pointers.flatMap((pattern) =>
        valuesAt(document, pattern)
          .filter(({ value }) => typeof value === 'string' && !field.valid(value))
          .map(({ pointer }) => ({ pointer, keyword: field.keyword, message: field.message, it: field.it })),
      );
    },
  };
}
