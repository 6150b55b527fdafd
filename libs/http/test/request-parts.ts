import fc from 'fast-check';
import { hostileIntegerText, hostileText } from './hostile-values';

/** encodeURIComponent, except that a lone surrogate goes out as the bytes a careless client sends (WTF-8), not a throw. */
export function percentEncode(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      out +=
        `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    } else out += encodeURIComponent(char);
  }
  return out;
}

/** What Node's HTTP parser hands on of a header value: UTF-8 bytes read as Latin-1, without the control bytes it refuses. */
export function asHeaderValue(text: string): string {
  const latin1 = Buffer.from(text, 'utf8').toString('latin1');
  const allowed = (c: number): boolean => c === 0x09 || (c >= 0x20 && c !== 0x7f);
  return [...latin1]
    .map((char) => (allowed(char.charCodeAt(0)) ? char : '?'))
    .join('')
    .trim();
}

/** Path segments, already on the wire: hostile text encoded, and encodings that are wrong in themselves. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: hostileText.map(percentEncode) },
  { weight: 1, arbitrary: hostileIntegerText.map(percentEncode) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '%00',
      '%ED%A0%80',
      '%C0%AF',
      '%C0%80',
      '%FF',
      '%F4%90%80%80',
      '%',
      '%2',
      '%ZZ',
      '%2F',
      '%5C',
      '.',
      '..',
      '%2e%2e',
      '',
      'a/b',
      ';x=1',
      '~',
      '%E2%80%AE',
      '%EF%BB%BF',
      '%E2%80%8B',
      'x'.repeat(513),
      'x'.repeat(5_000),
    ),
  },
);

/** Query values on the wire: hostile text and integers, encoded or raw. */
export const hostileQueryValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: hostileText.map(percentEncode) },
  { weight: 3, arbitrary: hostileIntegerText.map(percentEncode) },
  { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '&', '=', '+', '%26', '%3D', '%00', 'a=b', '[]', '%ED%A0%80') },
);

/** Query parameter names nobody declares: prototype keys, bracket syntax, hostile text. */
export const hostileQueryName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'constructor[prototype][x]',
    'a[]',
    'a[b]',
    'a.b',
    '',
    'limit[]',
    '%00',
  ),
  hostileText.map(percentEncode),
);

/** Entity tags: the service's own form, weak ones, lists, wildcards, numbers past any integer type, garbage. */
export const hostileEntityTag: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '*',
    '"1"',
    'W/"1"',
    '"0"',
    '"-1"',
    '1',
    '""',
    '"1", "2"',
    '*, "1"',
    'W/',
    '"',
    '"1',
    'w/"1"',
    '"9223372036854775808"',
  ),
  hostileIntegerText.map((n) => `"${n}"`),
  fc.nat().map((n) => `"${n}"`),
  hostileText,
);

/** Idempotency keys: well-formed ones, empty, too long, and hostile text. */
export const idempotencyKeys: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[\x21-\x7e]{1,255}$/),
  fc.constantFrom('', ' ', 'k'.repeat(255), 'k'.repeat(256), 'a b'),
  hostileText,
);

/** Content types: the right one, its variants and look-alikes, others, nonsense. */
export function contentTypes(expected: string): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant(expected) },
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        undefined,
        `${expected}; charset=utf-8`,
        `${expected}; charset=utf-16`,
        `${expected}; charset=latin1`,
        expected.toUpperCase(),
        `${expected},text/plain`,
        `${expected};`,
        'application/json',
        'application/problem+json',
        'application/x-www-form-urlencoded',
        'text/plain',
        'multipart/form-data; boundary=x',
        'application/octet-stream',
        '',
        ';',
        '*/*',
        'application/json; charset="',
      ),
    },
    { weight: 1, arbitrary: hostileText },
  );
}
