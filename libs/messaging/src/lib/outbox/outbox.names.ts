import { createHash } from 'node:crypto';
import { InvalidSchemaNameError } from '../messaging.errors';

const MAX_IDENTIFIER_BYTES = 63;
const CHANNEL_PREFIX = 'interscambio_outbox_';

/** `"<schema>"."outbox"`; the schema name is checked, never escaped into SQL blindly. */
export function outboxTable(schema: string): string {
  return `${quoteSchema(schema)}."outbox"`;
}

/**
 * The NOTIFY channel of a schema's outbox. PostgreSQL rejects channel names past 63 bytes, so a
 * long schema name is replaced by its hash.
 */
export function outboxChannel(schema: string): string {
  quoteSchema(schema);
  const channel = CHANNEL_PREFIX + schema;
  if (Buffer.byteLength(channel) <= MAX_IDENTIFIER_BYTES) return channel;
  return (
    CHANNEL_PREFIX +
    createHash('sha256')
      .update(schema)
      .digest('hex')
      .slice(0, MAX_IDENTIFIER_BYTES - CHANNEL_PREFIX.length)
  );
}

/** The name hashed into the advisory lock that lets one relay at a time publish a schema's outbox. */
export function relayLockName(schema: string): string {
  return `interscambio.outbox-relay.${schema}`;
}

function quoteSchema(schema: string): string {
  if (!schema || schema.includes('"') || schema.includes('\0') || Buffer.byteLength(schema) > MAX_IDENTIFIER_BYTES) {
    throw new InvalidSchemaNameError(schema);
  }
  return `"${schema}"`;
}
