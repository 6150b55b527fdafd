import { qualifiedTable } from '@interscambio/persistence';

/** `"<schema>"."outbox"`; the schema name is checked, never escaped into SQL blindly. */
export function outboxTable(schema: string): string {
  return qualifiedTable(schema, 'outbox');
}

/** The name hashed into the advisory lock that lets one relay at a time publish a schema's outbox. */
export function relayLockName(schema: string): string {
  return `interscambio.outbox-relay.${schema}`;
}
