import fc from 'fast-check';

export type JsonSchema = Record<string, unknown>;

export interface SchemaValuesOptions {
  /** The document `#/…` references resolve in (the OpenAPI document, or the schema itself). */
  root: unknown;
  /** Values to use for properties of these names, whatever their schema says (`ente`: the caller's own). */
  named?: Record<string, fc.Arbitrary<unknown>>;
}

const MAX_DEPTH = 8;

/** The value at a `#/…` JSON pointer of `root`. */
export function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) throw new Error(`Only local references are followed, not ${ref}`);
  return ref
    .slice(1)
    .split('/')
    .filter((part) => part !== '')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], root);
}

/**
 * Values shaped by a JSON Schema (draft 2020-12, the keywords our schemas use): most are valid, a
 * few break what the schema cannot say (theme rules, if/then), and every string obeys its pattern.
 */
export function schemaValues(schema: unknown, options: SchemaValuesOptions, depth = 0): fc.Arbitrary<unknown> {
  if (typeof schema === 'boolean' || schema === undefined) return fc.jsonValue({ maxDepth: 1 });
  const s = schema as JsonSchema;
  if (typeof s['$ref'] === 'string') return schemaValues(resolvePointer(options.root, s['$ref']), options, depth);
  if ('const' in s) return fc.constant(s['const']);
  if (Array.isArray(s['enum'])) return fc.constantFrom(...(s['enum'] as unknown[]));
  const choices = (s['oneOf'] ?? s['anyOf']) as unknown[] | undefined;
  if (choices)
    return fc.oneof(
      ...choices.map((c) =>
        schemaValues({ ...s, oneOf: undefined, anyOf: undefined, ...(c as object) }, options, depth),
      ),
    );
  if (Array.isArray(s['allOf'])) return schemaValues(mergeAll(s, options.root), options, depth);
  const type = s['type'];
  if (Array.isArray(type))
    return fc.oneof(...type.map((t: unknown) => schemaValues({ ...s, type: t }, options, depth)));
  if (depth > MAX_DEPTH) return fc.constant(null);
  switch (type ?? (s['properties'] ? 'object' : undefined)) {
    case 'string':
      return stringValues(s);
    case 'integer':
      return fc.integer({ min: bound(s, 'minimum', -1_000_000), max: bound(s, 'maximum', 1_000_000_000) });
    case 'number':
      return fc.double({
        min: bound(s, 'minimum', -1e9),
        max: bound(s, 'maximum', 1e9),
        noNaN: true,
        minExcluded: 'exclusiveMinimum' in s,
        maxExcluded: 'exclusiveMaximum' in s,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return arrayValues(s, options, depth);
    case 'object':
      return objectValues(s, options, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** `minimum` or `exclusiveMinimum` (an integer one step inside), likewise for the maximum. */
function bound(s: JsonSchema, name: 'minimum' | 'maximum', fallback: number): number {
  const exclusive = s[name === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum'];
  if (typeof exclusive === 'number')
    return s['type'] === 'integer' ? exclusive + (name === 'minimum' ? 1 : -1) : exclusive;
  const value = s[name];
  return typeof value === 'number' ? value : fallback;
}

function stringValues(s: JsonSchema): fc.Arbitrary<string> {
  const minLength = typeof s['minLength'] === 'number' ? s['minLength'] : 0;
  const maxLength = typeof s['maxLength'] === 'number' ? s['maxLength'] : 40;
  if (typeof s['pattern'] === 'string') {
    const within = (text: string): boolean => text.length >= minLength && text.length <= maxLength;
    return fc.stringMatching(new RegExp(s['pattern'], 'u')).filter(within);
  }
  switch (s['format']) {
    case 'date':
      return fc
        .date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
    default:
      return fc
        .string({ unit: 'grapheme', minLength: Math.max(minLength, 0), maxLength: Math.min(maxLength, 60) })
        .filter((t) => t.length >= minLength && t.length <= maxLength);
  }
}

function arrayValues(s: JsonSchema, options: SchemaValuesOptions, depth: number): fc.Arbitrary<unknown[]> {
  const minLength = typeof s['minItems'] === 'number' ? s['minItems'] : 0;
  const maxLength = Math.max(minLength, Math.min(typeof s['maxItems'] === 'number' ? s['maxItems'] : 3, 3));
  const items = schemaValues(s['items'], options, depth + 1);
  return s['uniqueItems'] === true
    ? fc.uniqueArray(items, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
    : fc.array(items, { minLength, maxLength });
}

function objectValues(s: JsonSchema, options: SchemaValuesOptions, depth: number): fc.Arbitrary<unknown> {
  const properties = (s['properties'] ?? {}) as Record<string, unknown>;
  const required = ((s['required'] ?? []) as string[]).filter((name) => name in properties);
  const model = Object.fromEntries(
    Object.entries(properties).map(([name, p]) => [name, options.named?.[name] ?? schemaValues(p, options, depth + 1)]),
  );
  return fc.record(model, { requiredKeys: required });
}

/** allOf as one schema: the parts' properties and required lists together (enough for our schemas). */
function mergeAll(s: JsonSchema, root: unknown): JsonSchema {
  const parts = (s['allOf'] as unknown[]).map((p) => {
    const part = p as JsonSchema;
    return typeof part['$ref'] === 'string' ? (resolvePointer(root, part['$ref']) as JsonSchema) : part;
  });
  const merged: JsonSchema = { ...s, allOf: undefined };
  for (const part of parts) {
    merged['properties'] = { ...(merged['properties'] as object), ...(part['properties'] as object) };
    merged['required'] = [...((merged['required'] as string[]) ?? []), ...((part['required'] as string[]) ?? [])];
    merged['type'] ??= part['type'];
  }
  return merged;
}
