// The guidelines want a format on every integer and number, records' JSON Schemas included: int32
// unless the bounds need more, double for numbers. Examples are data and are left as they are.
const INT32_MAX = 2 ** 31 - 1;

export function withNumberFormats<T>(node: T): T {
  if (Array.isArray(node)) return node.map((n: unknown) => withNumberFormats(n)) as T;
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node).map(([k, v]) => [
    k,
    k === 'examples' || k === 'example' ? v : withNumberFormats(v),
  ]);
  const schema = Object.fromEntries(entries) as Record<string, unknown>;
  if (schema['format'] === undefined && schema['type'] === 'integer') schema['format'] = integerFormat(schema);
  if (schema['format'] === undefined && schema['type'] === 'number') schema['format'] = 'double';
  return schema as T;
}

function integerFormat(schema: Record<string, unknown>): string {
  const bounds = [schema['maximum'], schema['minimum'], schema['exclusiveMaximum']].filter(
    (b) => typeof b === 'number',
  );
  return bounds.some((b) => Math.abs(b as number) > INT32_MAX) ? 'int64' : 'int32';
}
