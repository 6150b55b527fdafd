import fc from 'fast-check';

/**
 * Characters and short texts that break naive handling: NUL and other controls, lone and reversed
 * surrogates, bidi overrides and marks, zero-width characters, NFD forms and their precomposed
 * twins, emoji sequences, noncharacters, line separators, escapes of other languages.
 */
export const UNICODE_EDGES: readonly string[] = [
  '\u0000',
  '\u0001',
  '\u001b[2J',
  '\u007f',
  '\u0085',
  '\ud800',
  '\udfff',
  '\udc00\ud800',
  'a\ud83d',
  '\u200b',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u202e',
  '\u2066',
  '\u200f',
  '\u061c',
  'e\u0301',
  'Palermo'.normalize('NFD'),
  'Citt\u0061\u0300',
  '\u212b',
  '\u0130',
  '\ufb00',
  '\uff10',
  '\u{1d7d8}',
  '\u{1f600}',
  '\u{1f469}\u200d\u{1f469}\u200d\u{1f467}',
  '\u{1f1ee}\u{1f1f9}',
  '\uffff',
  '\ufffe',
  '\u{10ffff}',
  '\u2028',
  '\u2029',
  '\r\n',
  '\\',
  '"',
  "'",
  '%00',
  '%',
  '../',
  '${x}',
  '{{x}}',
  '<script>',
  "'; drop table record; --",
  '\\u0000',
];

/** Any UTF-16 code unit, lone surrogates included: what `fc.string` leaves out. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

const lengths = [0, 1, 199, 200, 201, 256, 1001, 70_000] as const;

/** Hostile text: edge characters alone or mixed into ordinary text, arbitrary code units, and sizes at and past the usual limits. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...UNICODE_EDGES) },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...UNICODE_EDGES), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.join('')),
  },
  { weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(...lengths).map((n) => 'x'.repeat(n)) },
);

/** Keys that matter to JavaScript objects and to JSON pointers, beside hostile text. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '',
    ' ',
    '$ref',
    '$id',
    '/',
    '~',
    '~1',
    'a/b',
    'a.b',
    '0',
    '-1',
  ),
  hostileText,
);

/** Numbers at the edges of what JSON, JavaScript and PostgreSQL integers hold. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    0.5,
    -1.5,
    2 ** 31 - 1,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53,
    2 ** 53 + 2,
    2 ** 63,
    2 ** 64,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    1e21,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Integers as query parameters and path segments write them: huge, negative, not numbers at all. */
export const hostileIntegerText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '0',
    '-0',
    '-1',
    '+1',
    ' 1',
    '1 ',
    '1.0',
    '1e3',
    '0x10',
    '0b1',
    '1_000',
    'NaN',
    'Infinity',
    '-Infinity',
    'null',
    'true',
    '[]',
    '9223372036854775807',
    '9223372036854775808',
    '-9223372036854775809',
    '18446744073709551616',
    '99999999999999999999999999999999',
    '\u0661',
    '\uff11',
  ),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String),
  hostileText,
);
