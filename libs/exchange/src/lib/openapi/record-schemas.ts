import type { RecordTypeInfo } from '@interscambio/schemas';

/** The component name of a record type's schema: `contribuente` major 1 → `ContribuenteV1`. */
export function componentName(info: Pick<RecordTypeInfo, 'type' | 'major'>): string {
  const pascal = info.type.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
  return `${pascal}V${info.major}`;
}

/**
 * The record type's JSON Schema as an OpenAPI 3.1 component: the same schema, with its internal
 * `#/…` references re-rooted at the component. Its `$id` moves to `x-interscambio-schema-id`, since a
 * base URI inside the document would make tools resolve those references against the wrong root.
 */
export function asComponent(info: RecordTypeInfo): Record<string, unknown> {
  const base = `#/components/schemas/${componentName(info)}`;
  const { $id, ...schema } = structuredClone(info.schema) as Record<string, unknown>;
  return {
    ...(rebase(schema, base) as Record<string, unknown>),
    'x-interscambio-schema-id': $id,
    examples: info.examples,
  };
}

function rebase(node: unknown, base: string): unknown {
  if (Array.isArray(node)) return node.map((n) => rebase(n, base));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${base}${v.slice(1)}` : rebase(v, base),
    ]),
  );
}
