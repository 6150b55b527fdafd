import { sameJson } from './json-values';
import type { CompatRule } from './comparison';

/** Item by item: position i is governed by prefixItems[i], or by items past the prefix. */
export const arrayRule: CompatRule = {
  keywords: ['prefixItems', 'items', 'contains', 'minContains', 'maxContains'],
  check(c, o, n, at) {
    const olderPrefix = Array.isArray(o.prefixItems) ? o.prefixItems : [];
    const newerPrefix = Array.isArray(n.prefixItems) ? n.prefixItems : [];
    const reasons: string[] = [];
    for (let i = 0; i < Math.max(olderPrefix.length, newerPrefix.length); i++) {
      reasons.push(
        ...c.compare(olderPrefix[i] ?? o.items ?? true, newerPrefix[i] ?? n.items ?? true, `${at}/prefixItems/${i}`),
      );
    }
    reasons.push(...c.compare(o.items ?? true, n.items ?? true, `${at}/items`));
    if ('contains' in n) {
      // Counting matches is only comparable when both sides count the same thing.
      if (!sameJson(o.contains, n.contains)) reasons.push(`${at}/contains: added or changed`);
      if (count(n.minContains, 1) > count(o.minContains, 1)) reasons.push(`${at}/minContains: raised`);
      if (count(n.maxContains, Infinity) < count(o.maxContains, Infinity)) reasons.push(`${at}/maxContains: lowered`);
    }
    return reasons;
  },
};

function count(value: unknown, otherwise: number): number {
  return typeof value === 'number' ? value : otherwise;
}
