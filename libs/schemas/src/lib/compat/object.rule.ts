import { isSchemaObject, pointer, sameJson } from './json-values';
import type { SchemaObject } from './json-values';
import type { Comparison, CompatRule } from './comparison';

/**
 * Each property name is checked against the subschema that governs it on either side (its own,
 * or additionalProperties), so a property removed from a closed object, or an optional one added
 * with a narrower schema than the old additionalProperties, is caught.
 */
export const objectRule: CompatRule = {
  keywords: [
    'properties',
    'additionalProperties',
    'patternProperties',
    'required',
    'dependentRequired',
    'dependentSchemas',
    'propertyNames',
  ],
  check(c, o, n, at) {
    const reasons: string[] = [];
    if (!sameJson(o.patternProperties ?? {}, n.patternProperties ?? {}))
      reasons.push(`${at}/patternProperties: changed`);
    const names = new Set([...Object.keys(record(o.properties)), ...Object.keys(record(n.properties))]);
    for (const name of names) {
      const [older, newer] = [governing(o, name), governing(n, name)];
      const where = pointer(`${at}/properties`, name);
      if (newer === false && older !== false) reasons.push(`${where}: removed from a closed object`);
      else reasons.push(...c.compare(older, newer, where));
    }
    reasons.push(
      ...c.compare(o.additionalProperties ?? true, n.additionalProperties ?? true, `${at}/additionalProperties`),
    );
    const required = new Set(strings(o.required));
    for (const name of strings(n.required).filter((r) => !required.has(r)))
      reasons.push(`${at}/required: "${name}" is newly required`);
    reasons.push(...dependencies(c, o, n, at, required));
    if ('propertyNames' in n)
      reasons.push(...c.compare(o.propertyNames ?? true, n.propertyNames, `${at}/propertyNames`));
    return reasons;
  },
};

function dependencies(c: Comparison, o: SchemaObject, n: SchemaObject, at: string, required: Set<string>): string[] {
  const reasons: string[] = [];
  for (const [name, needed] of Object.entries(record(n.dependentRequired))) {
    const before = new Set([...required, ...strings(record(o.dependentRequired)[name])]);
    for (const other of strings(needed).filter((d) => !before.has(d))) {
      reasons.push(`${pointer(`${at}/dependentRequired`, name)}: "${other}" is newly required`);
    }
  }
  for (const [name, schema] of Object.entries(record(n.dependentSchemas))) {
    const where = pointer(`${at}/dependentSchemas`, name);
    const olderDependent = record(o.dependentSchemas)[name];
    const viaDependent = olderDependent === undefined ? [`${where}: added`] : c.compare(olderDependent, schema, where);
    if (viaDependent.length > 0 && c.compare(o, schema, where).length > 0) reasons.push(...viaDependent);
  }
  return reasons;
}

/** The subschema `schema` applies to property `name` (a patternProperties match is checked for equality above). */
function governing(schema: SchemaObject, name: string): unknown {
  const properties = record(schema.properties);
  if (name in properties) return properties[name];
  const patterns = Object.keys(record(schema.patternProperties));
  return patterns.some((p) => new RegExp(p, 'u').test(name)) ? true : (schema.additionalProperties ?? true);
}

function record(value: unknown): Record<string, unknown> {
  return isSchemaObject(value) ? value : {};
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
