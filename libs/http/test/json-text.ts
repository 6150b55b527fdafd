import fc from 'fast-check';
import { hostileKey, hostileNumber, hostileText } from './hostile-values';

/** JSON text placed verbatim where a value goes: what JSON.stringify cannot produce (or overflows on). */
export class RawJson {
  constructor(readonly text: string) {}
}

// A marker no generated text contains: private-use characters around a counter.
const MARK = '\ue000raw\ue001';

/** JSON.stringify, with each RawJson spliced in as written. */
export function jsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (!(v instanceof RawJson)) return v;
    raws.push(v.text);
    return `${MARK}${raws.length - 1}`;
  });
  if (text === undefined) return '';
  return raws.length === 0
    ? text
    : text.replace(new RegExp(`"${MARK}(\\d+)"`, 'g'), (_, i: string) => raws[Number(i)] ?? '');
}

/** Sets `key` as an own property even when it is `__proto__`, as JSON.parse would. */
export function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const depths = [64, 1_000, 10_000, 100_000] as const;

/** Fragments no serializer writes: deep nesting, numbers past double precision, duplicate and poisonous keys. */
const rawFragment: fc.Arbitrary<RawJson> = fc.oneof(
  fc.constantFrom(...depths).map((n) => new RawJson(`${'['.repeat(n)}${']'.repeat(n)}`)),
  fc.constantFrom(...depths).map((n) => new RawJson(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`)),
  fc
    .constantFrom(
      '1e400',
      '-1e400',
      '1E-400',
      '-0',
      '0.0000000000000000000000001',
      '123456789012345678901234567890',
      '9223372036854775808',
      '{"a":1,"a":"2"}',
      '{"__proto__":{"isAdmin":true}}',
      '{"constructor":{"prototype":{"isAdmin":true}}}',
      '"\\ud800"',
      '"\\u0000"',
      '"\\udfff\\ud800"',
    )
    .map((text) => new RawJson(text)),
);

/** Values of every JSON type (and none a schema expects), raw fragments included. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileText },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: rawFragment },
  {
    weight: 1,
    arbitrary: fc.tuple(hostileKey, fc.jsonValue({ maxDepth: 1 })).map(([key, value]) => {
      const object = {};
      setOwn(object, key, value);
      return object;
    }),
  },
);
