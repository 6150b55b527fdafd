import { changeChannel, InvalidIdentifierError, qualifiedTable, quoteIdentifier } from './identifier';

describe('SQL identifiers', () => {
  it('quotes a schema-qualified table, doubling embedded quotes', () => {
    expect(qualifiedTable('tributi', 'outbox')).toBe('"tributi"."outbox"');
    expect(quoteIdentifier('a"b')).toBe('"a""b"');
  });

  it.each(['', 'nul\0here', 'x'.repeat(64), 'è'.repeat(32)])('refuses %j instead of changing it', (name) => {
    expect(() => quoteIdentifier(name)).toThrow(InvalidIdentifierError);
  });

  it('names one change channel per schema, within the 63-byte limit', () => {
    expect(changeChannel('tributi')).toBe('interscambio_changes_tributi');
    const long = changeChannel('a_schema_name_long_enough_to_push_the_channel_past_the_limit');
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(63);
    expect(long).not.toBe(changeChannel('a_schema_name_long_enough_to_push_the_channel_past_the_limiT'));
  });
});
