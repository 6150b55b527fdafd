import { sameJson } from './json-values';
import type { CompatRule } from './comparison';

/** Keywords whose change cannot be judged structurally (is one regex wider than another?): keep them or drop them. */
export const exactRule: CompatRule = {
  keywords: ['pattern', 'format', 'uniqueItems'],
  check(_c, o, n, at) {
    const reasons: string[] = [];
    for (const k of ['pattern', 'format'] as const) {
      if (k in n && !sameJson(o[k], n[k]))
        reasons.push(`${at}/${k}: added or changed (only the same ${k} is compatible)`);
    }
    if (n.uniqueItems === true && o.uniqueItems !== true) reasons.push(`${at}/uniqueItems: added`);
    return reasons;
  },
};
