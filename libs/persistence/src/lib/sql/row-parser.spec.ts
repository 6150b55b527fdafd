import { bool, int, json, nullable, oneOf, rowParser, RowShapeError, text, textArray, timestamp } from './row-parser';
import { bytes, jsonObject, textRecord } from './row-parser';

const parseChange = rowParser('change', {
  key: text,
  revision: int,
  operation: oneOf(['created', 'updated', 'deleted'] as const),
  deleted: bool,
  at: timestamp,
  fields: nullable(textArray),
  data: json,
});
const row = {
  key: 'K-1',
  revision: 2,
  operation: 'updated',
  deleted: false,
  at: new Date('2026-01-01T00:00:00Z'),
  fields: null,
  data: { a: 1 },
  extra: 'not kept',
};

describe('a row parsed where it crosses into a domain type', () => {
  it('keeps the declared columns, typed', () => {
    const declared = Object.fromEntries(Object.entries(row).filter(([column]) => column !== 'extra'));
    expect(parseChange(row)).toEqual(declared);
  });

  it.each([
    [
      'a bigint read as text where an integer is due',
      { revision: '2' },
      'change row: column revision is string "2", not an integer',
    ],
    [
      'a value outside the enum',
      { operation: 'moved' },
      'column operation is string "moved", not one of created, updated, deleted',
    ],
    ['a null in a column that is never null', { key: null }, 'column key is null, not text'],
    ['a missing column', { at: undefined }, 'column at is undefined, not a timestamp'],
    ['an array of numbers', { fields: [1] }, 'column fields is object [1], not a text array'],
  ])('refuses %s, naming the column', (_, change, message) => {
    expect(() => parseChange({ ...row, ...change })).toThrow(RowShapeError);
    expect(() => parseChange({ ...row, ...change })).toThrow(message);
  });

  it('refuses a missing row', () => {
    expect(() => parseChange(undefined)).toThrow('change row: column * missing: the row is undefined');
  });

  it('tells a jsonb object, and one of texts, from an array or other values', () => {
    const parseAnswer = rowParser('answer', { headers: textRecord, data: jsonObject });
    expect(parseAnswer({ headers: { etag: '"1"' }, data: { a: [1] } })).toEqual({
      headers: { etag: '"1"' },
      data: { a: [1] },
    });
    expect(() => parseAnswer({ headers: { etag: 1 }, data: {} })).toThrow('column headers is object');
    expect(() => parseAnswer({ headers: {}, data: [] })).toThrow('column data is object [], not a JSON object');
  });

  it('takes bytea as the Buffer node-postgres reads, not a text', () => {
    const parseMessage = rowParser('message', { value: nullable(bytes) });
    expect(parseMessage({ value: Buffer.from('{}') })).toEqual({ value: Buffer.from('{}') });
    expect(parseMessage({ value: null })).toEqual({ value: null });
    expect(() => parseMessage({ value: '{}' })).toThrow('message row: column value is string "{}", not bytes');
  });
});
