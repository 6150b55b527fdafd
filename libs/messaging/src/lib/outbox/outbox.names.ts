import { qualifiedTable } from '@interscambio/persistence';

/** `"<schema>"."outbox"`; the schema name is checked, never escaped into SQL blindly. */
export function outboxTable(schema: string): string {
  return qualifiedTable(schema, 'outbox');
}

/** How the relay's connection shows in pg_stat_activity: which schema's relay it is (63 bytes at most). */
export function relayApplicationName(schema: string): string {
  return Buffer.from(`interscambio-outbox-relay ${schema}`).subarray(0, 63).toString();
}

/** The name hashed into the advisory lock that lets one relay at a time publish a schema's outbox. */
export function relayLockName(schema: string): string {
  return `interscambio.outbox-relay.${schema}`;
}
