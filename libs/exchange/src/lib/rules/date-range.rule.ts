import type { IssueDetail } from '@interscambio/http';
import { bindWildcards, valueAt, valuesAt } from './json-pointer';
import type { ThemeRule } from './theme-rule';

/** Two values of one document, the end not before the start; in arrays `*` pairs those of one item. */
export interface Range {
  start: string;
  end: string;
}

/**
 * Dates (`2024-05-01`) compare by day, two date-times as instants, a date with a date-time by day.
 * The issue points at the end; a range missing either end is not checked.
 */
export function dateRangeRule(type: string, ranges: Range[]): ThemeRule {
  return rangeRule(type, ranges, 'dateRange', dateBefore);
}

/** Times of day `hh:mm` (24:00 closes the day), as the schemas write opening and collection hours. */
export function timeRangeRule(type: string, ranges: Range[]): ThemeRule {
  return rangeRule(type, ranges, 'timeRange', (a, b) => a < b);
}

function rangeRule(
  type: string,
  ranges: Range[],
  keyword: string,
  before: (a: string, b: string) => boolean,
): ThemeRule {
  return {
    type,
    check(document: unknown): IssueDetail[] {
      return ranges.flatMap((range) =>
        valuesAt(document, range.start).flatMap(({ pointer, value: start }) => {
          const endPointer = bindWildcards(range.end, { pattern: range.start, pointer });
          const end = valueAt(document, endPointer);
          if (typeof start !== 'string' || typeof end !== 'string' || !before(end, start)) return [];
          const it = `non deve essere precedente a ${pointer}`;
          return [{ pointer: endPointer, keyword, message: `must not be before ${pointer}`, it }];
        }),
      );
    },
  };
}

function dateBefore(a: string, b: string): boolean {
  if (a.length === 10 || b.length === 10) return a.slice(0, 10) < b.slice(0, 10);
  const [x, y] = [Date.parse(a), Date.parse(b)];
  return !Number.isNaN(x) && !Number.isNaN(y) && x < y;
}
