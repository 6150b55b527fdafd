import { matchesType, sameJson } from './json-values';
import type { SchemaObject } from './json-values';
import type { CompatRule } from './comparison';

/** type, enum, const: the newer set of values must include the older one. */
export const valueRule: CompatRule = {
  keywords: ['type', 'enum', 'const'],
  check(_c, o, n, at) {
    const reasons: string[] = [];
    const values = acceptedValues(o);
    const newerTypes = typesOf(n);
    if (newerTypes) {
      const olderTypes = typesOf(o);
      if (olderTypes) {
        const lost = olderTypes.filter(
          (t) => !newerTypes.includes(t) && !(t === 'integer' && newerTypes.includes('number')),
        );
        for (const t of lost) reasons.push(`${at}/type: ${String(t)} no longer accepted`);
      } else if (values) {
        for (const v of values.filter((v) => !newerTypes.some((t) => matchesType(v, t)))) {
          reasons.push(`${at}/type: ${JSON.stringify(v)} no longer accepted`);
        }
      } else {
        reasons.push(`${at}/type: added (${newerTypes.join(', ')}), any type was accepted before`);
      }
    }
    for (const keyword of ['enum', 'const'] as const) {
      if (!(keyword in n)) continue;
      const allowed = keyword === 'enum' ? (n.enum as unknown[]) : [n.const];
      if (!values) reasons.push(`${at}/${keyword}: added, any value was accepted before`);
      for (const v of values ?? []) {
        if (!allowed.some((a) => sameJson(a, v)))
          reasons.push(`${at}/${keyword}: ${JSON.stringify(v)} no longer accepted`);
      }
    }
    return reasons;
  },
};

function typesOf(schema: SchemaObject): unknown[] | undefined {
  if (schema.type === undefined) return undefined;
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

function acceptedValues(schema: SchemaObject): unknown[] | undefined {
  if ('const' in schema) return [schema.const];
  return Array.isArray(schema.enum) ? schema.enum : undefined;
}
