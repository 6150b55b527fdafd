import type { SchemaObject } from './json-values';
import type { Comparison, CompatRule } from './comparison';

export const combinatorRule: CompatRule = {
  keywords: ['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else'],
  check(c, o, n, at) {
    return [
      ...allOf(c, o, n, at),
      ...anyOf(c, o, n, at),
      ...oneOf(c, o, n, at),
      ...not(c, o, n, at),
      ...conditional(c, o, n, at),
    ];
  },
};

/** Each newer branch must hold for the whole older schema, or for one of its own allOf branches. */
function allOf(c: Comparison, o: SchemaObject, n: SchemaObject, at: string): string[] {
  return list(n.allOf).flatMap((branch, i) => {
    const reasons = c.compare(o, branch, `${at}/allOf/${i}`);
    return reasons.length === 0 || list(o.allOf).some((a) => c.compare(a, branch, at).length === 0) ? [] : reasons;
  });
}

/** The older schema fits one newer branch, or each older alternative fits one. */
function anyOf(c: Comparison, o: SchemaObject, n: SchemaObject, at: string): string[] {
  if (!Array.isArray(n.anyOf)) return [];
  const fits = (older: unknown): boolean => list(n.anyOf).some((b) => c.compare(older, b, at).length === 0);
  const alternatives = Array.isArray(o.anyOf) ? list(o.anyOf) : Array.isArray(o.oneOf) ? list(o.oneOf) : undefined;
  if (fits(o) || (alternatives !== undefined && alternatives.every(fits))) return [];
  return [`${at}/anyOf: some document accepted before matches no alternative`];
}

/** Exactly-one cannot be judged without proving branches disjoint: only equivalent alternatives pass. */
function oneOf(c: Comparison, o: SchemaObject, n: SchemaObject, at: string): string[] {
  if (!Array.isArray(n.oneOf)) return [];
  const older = list(o.oneOf);
  const same =
    older.length === n.oneOf.length && n.oneOf.every((b, i) => c.equivalent(older[i], b, `${at}/oneOf/${i}`));
  return same ? [] : [`${at}/oneOf: alternatives changed (only equivalent alternatives are provably compatible)`];
}

/** Nothing older accepts may match the newer `not`: holds when the newer `not` fits inside the older one. */
function not(c: Comparison, o: SchemaObject, n: SchemaObject, at: string): string[] {
  if (!('not' in n)) return [];
  return 'not' in o && c.reversed().compare(n.not, o.not, `${at}/not`).length === 0
    ? []
    : [`${at}/not: added or widened`];
}

/** With the same `if`, each side's then/else must widen; without a newer `if`, then/else do nothing. */
function conditional(c: Comparison, o: SchemaObject, n: SchemaObject, at: string): string[] {
  if (!('if' in n)) return [];
  if (!('if' in o) || !c.equivalent(o.if, n.if, `${at}/if`)) return [`${at}/if: added or changed`];
  return [
    ...c.compare(o.then ?? true, n.then ?? true, `${at}/then`),
    ...c.compare(o.else ?? true, n.else ?? true, `${at}/else`),
  ];
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
