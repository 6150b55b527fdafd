import type { SchemaObject } from './json-values';
import type { CompatRule } from './comparison';

const LOWER = ['minLength', 'minItems', 'minProperties'];
const UPPER = ['maxLength', 'maxItems', 'maxProperties'];

/** Limits may stay or be relaxed, never tightened nor added. */
export const boundsRule: CompatRule = {
  keywords: [...LOWER, ...UPPER, 'minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum', 'multipleOf'],
  check(_c, o, n, at) {
    const tightened = (keyword: string): string =>
      `${at}/${keyword}: ${String(n[keyword])} is stricter than before (${String(o[keyword] ?? 'none')})`;
    const reasons: string[] = [];
    for (const k of LOWER)
      if (isNumber(n[k]) && n[k] > 0 && !(isNumber(o[k]) && o[k] >= n[k])) reasons.push(tightened(k));
    for (const k of UPPER) if (isNumber(n[k]) && !(isNumber(o[k]) && o[k] <= n[k])) reasons.push(tightened(k));
    if (isNumber(n.minimum) && !atLeast(o, n.minimum, false)) reasons.push(tightened('minimum'));
    if (isNumber(n.exclusiveMinimum) && !atLeast(o, n.exclusiveMinimum, true))
      reasons.push(tightened('exclusiveMinimum'));
    if (isNumber(n.maximum) && !atMost(o, n.maximum, false)) reasons.push(tightened('maximum'));
    if (isNumber(n.exclusiveMaximum) && !atMost(o, n.exclusiveMaximum, true))
      reasons.push(tightened('exclusiveMaximum'));
    if (isNumber(n.multipleOf) && !(isNumber(o.multipleOf) && Number.isInteger(o.multipleOf / n.multipleOf))) {
      reasons.push(tightened('multipleOf'));
    }
    return reasons;
  },
};

function isNumber(value: unknown): value is number {
  return typeof value === 'number';
}

/** Does every number `older` accepts lie above `limit` (strictly, if `exclusive`)? */
function atLeast(older: SchemaObject, limit: number, exclusive: boolean): boolean {
  const { minimum, exclusiveMinimum } = older;
  return (
    (isNumber(minimum) && (exclusive ? minimum > limit : minimum >= limit)) ||
    (isNumber(exclusiveMinimum) && exclusiveMinimum >= limit)
  );
}

function atMost(older: SchemaObject, limit: number, exclusive: boolean): boolean {
  const { maximum, exclusiveMaximum } = older;
  return (
    (isNumber(maximum) && (exclusive ? maximum < limit : maximum <= limit)) ||
    (isNumber(exclusiveMaximum) && exclusiveMaximum <= limit)
  );
}
