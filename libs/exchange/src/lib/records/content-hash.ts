import { createHash } from 'node:crypto';

/**
 * SHA-256 of the document in a canonical form (object keys sorted), with the schema major: the same
 * content sent twice, whatever its key order, is recognised as unchanged.
 */
export function contentHash(document: unknown, major: number): string {
  return createHash('sha256').update(`${major}\n`).update(canonicalJson(document)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
