import { InvalidIdentifierError } from '@interscambio/persistence';
import { outboxTable } from './outbox.names';

describe('outbox names', () => {
  it('qualifies the outbox table with the service schema', () => {
    expect(outboxTable('tributi')).toBe('"tributi"."outbox"');
  });

  it.each(['', 'nul\0here', 'x'.repeat(64)])('rejects the schema name %j', (schema) => {
    expect(() => outboxTable(schema)).toThrow(InvalidIdentifierError);
  });
});
