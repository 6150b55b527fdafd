import { InvalidSchemaNameError } from '../messaging.errors';
import { outboxChannel, outboxTable } from './outbox.names';

describe('outbox names', () => {
  it('qualifies the outbox table with the service schema', () => {
    expect(outboxTable('tributi')).toBe('"tributi"."outbox"');
  });

  it('derives one channel per schema, within PostgreSQL 63-byte identifier limit', () => {
    expect(outboxChannel('tributi')).toBe('interscambio_outbox_tributi');
    const long = outboxChannel('a_schema_name_long_enough_to_push_the_channel_past_the_limit');
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(63);
    expect(long).not.toBe(outboxChannel('a_schema_name_long_enough_to_push_the_channel_past_the_limiT'));
  });

  it.each(['', 'tributi"; drop table x; --', 'x'.repeat(64)])('rejects the schema name %j', (schema) => {
    expect(() => outboxTable(schema)).toThrow(InvalidSchemaNameError);
  });
});
