import fc from 'fast-check';
import { hostileKey, hostileNumber, hostileText, UNICODE_EDGES } from './hostile-values';
import { hostileJson, jsonText, setOwn } from './json-text';

interface Mutation {
  /** Which location of the document, modulo their number (the root is one). */
  at: number;
  kind: 'remove' | 'replace' | 'add' | 'edge' | 'unicode';
  value: unknown;
  key: string;
  char: string;
}

interface Location {
  parent: Record<string, unknown> | unknown[] | undefined;
  key: string | number;
  value: unknown;
}

const kinds = fc.oneof(
  { weight: 3, arbitrary: fc.constant('unicode' as const) },
  { weight: 2, arbitrary: fc.constantFrom('replace' as const, 'add' as const) },
  { weight: 1, arbitrary: fc.constantFrom('remove' as const, 'edge' as const) },
);

// What breaks storage rather than schemas: NUL (PostgreSQL text cannot hold it) half the time,
// lone surrogates, then the other edges.
const hostileChar = fc.oneof(
  { weight: 2, arbitrary: fc.constant('\u0000') },
  { weight: 1, arbitrary: fc.constantFrom('\ud800', '\udc00') },
  { weight: 1, arbitrary: fc.constantFrom(...UNICODE_EDGES) },
);

/**
 * A valid document changed in one to three places: a hostile character slipped into a string (the
 * rest still valid, so it reaches the code behind the schema), a value replaced by one of another
 * type or a hostile one, a property added (one the schema names but the document lacks, or
 * `__proto__` and friends), one removed, a value pushed just past its edge (a number off by one or
 * huge, a string emptied, lengthened, decomposed). `names` are the property names the schema knows.
 */
export function mutatedDocuments(valid: fc.Arbitrary<unknown>, names: readonly string[] = []): fc.Arbitrary<unknown> {
  const key = names.length > 0 ? fc.oneof(fc.constantFrom(...names), hostileKey) : hostileKey;
  const mutation = fc.record({ at: fc.nat(), kind: kinds, value: hostileJson, key, char: hostileChar });
  return fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([document, mutations]) => {
    let root = structuredClone(document);
    for (const m of mutations) root = mutate(root, m);
    return root;
  });
}

function mutate(root: unknown, m: Mutation): unknown {
  const all = locations(root);
  const strings = all.filter((l) => typeof l.value === 'string');
  const places = m.kind === 'unicode' && strings.length > 0 ? strings : all;
  const place = places[m.at % places.length] as Location;
  const next = changed(place.value, m);
  if (place.parent === undefined) return next === REMOVED ? undefined : next;
  if (next === REMOVED) {
    if (Array.isArray(place.parent)) place.parent.splice(place.key as number, 1);
    else delete place.parent[place.key as string];
  } else if (Array.isArray(place.parent)) place.parent[place.key as number] = next;
  else setOwn(place.parent, place.key as string, next);
  return root;
}

const REMOVED = Symbol('removed');

function changed(value: unknown, m: Mutation): unknown {
  switch (m.kind) {
    case 'remove':
      return REMOVED;
    case 'replace':
      return m.value;
    case 'add':
      if (Array.isArray(value)) return [...value, m.value];
      if (value !== null && typeof value === 'object') {
        setOwn(value, m.key, m.value);
        return value;
      }
      return m.value;
    case 'unicode': {
      if (typeof value !== 'string') return edgeOf(value, m.at);
      const at = m.at % (value.length + 1);
      return `${value.slice(0, at)}${m.char}${value.slice(at)}`;
    }
    case 'edge':
      return edgeOf(value, m.at);
  }
}

/** A value of the same type just past where schemas usually draw their lines. */
function edgeOf(value: unknown, seed: number): unknown {
  if (typeof value === 'number') {
    const edges = [value + 1, value - 1, -value - 1, value + 0.5, value * 1e12, 0, 2 ** 63];
    return edges[seed % edges.length];
  }
  if (typeof value === 'string') {
    const edge = UNICODE_EDGES[seed % UNICODE_EDGES.length] ?? '';
    const edges = ['', value.normalize('NFD'), `${value}${edge}`, `${edge}${value}`, value.repeat(300), ` ${value} `];
    return edges[seed % edges.length];
  }
  if (Array.isArray(value)) return seed % 2 === 0 ? [] : [...value, ...value];
  return value;
}

function locations(root: unknown): Location[] {
  const found: Location[] = [{ parent: undefined, key: '', value: root }];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      found.push({ parent: node as Record<string, unknown>, key: Array.isArray(node) ? Number(key) : key, value });
      visit(value);
    }
  };
  visit(root);
  return found;
}

const UTF16 = (text: string): Buffer => Buffer.from(`\ufeff${text}`, 'utf16le');

/** Bodies broken as text: truncated, padded, re-encoded, not JSON at all, not UTF-8, oversized. */
export function brokenBodies(valid: fc.Arbitrary<unknown>, oversized: number): fc.Arbitrary<string | Buffer> {
  return fc.oneof(
    fc.tuple(valid, fc.nat()).map(([doc, n]) => {
      const text = jsonText(doc);
      return text.slice(0, n % Math.max(text.length, 1));
    }),
    fc.tuple(valid, hostileText).map(([doc, tail]) => `${jsonText(doc)}${tail}`),
    valid.map((doc) => `\ufeff${jsonText(doc)}`),
    valid.map((doc) => UTF16(jsonText(doc))),
    valid.map((doc) => jsonText(doc).replace(/"/g, "'")),
    valid.map((doc) => jsonText(doc).replace(/}$/, ',}')),
    fc.constantFrom('', ' ', 'null', 'true', '0', '""', '[]', 'undefined', 'NaN', '{', '}', '{"a":1}/*x*/', '\u0000'),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
    fc.constantFrom(
      Buffer.from([0xff, 0xfe, 0xfd]),
      Buffer.from('{"a":"\xc0\xaf"}', 'latin1'),
      Buffer.from('{"a":"\xed\xa0\x80"}', 'latin1'),
    ),
    hostileNumber.map((n) => `{"n":${n}}`),
    fc.constant(null).map(() => `{"pad":"${'x'.repeat(oversized)}"}`),
  );
}
