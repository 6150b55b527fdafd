import { createHash } from 'node:crypto';

const MAX_IDENTIFIER_BYTES = 63;

/** A name that cannot be a PostgreSQL identifier here (schema names come from configuration). */
export class InvalidIdentifierError extends Error {
  readonly code = 'identifier-invalid';

  constructor(readonly identifier: string) {
    super(`Invalid PostgreSQL identifier: ${JSON.stringify(identifier)}`);
    this.name = 'InvalidIdentifierError';
  }
}

/**
 * `"<name>"`. Names come from configuration, never from requests; one that PostgreSQL would
 * truncate (over 63 bytes), or that is empty or holds a NUL, is refused rather than quietly changed.
 */
export function quoteIdentifier(name: string): string {
  if (!name || name.includes('\0') || Buffer.byteLength(name) > MAX_IDENTIFIER_BYTES)
    throw new InvalidIdentifierError(name);
  return `"${name.replace(/"/g, '""')}"`;
}

/** `"<schema>"."<table>"` */
export function qualifiedTable(schema: string, table: string): string {
  return `${quoteIdentifier(schema)}.${quoteIdentifier(table)}`;
}

const CHANNEL_PREFIX = 'interscambio_changes_';

/**
 * The one NOTIFY channel of a service schema: "something committed here", for whoever follows it
 * (the outbox relay, the change feed's long-polls). PostgreSQL refuses channel names past 63 bytes,
 * so a long schema name is replaced by its hash.
 */
export function changeChannel(schema: string): string {
  quoteIdentifier(schema);
  const channel = CHANNEL_PREFIX + schema;
  if (Buffer.byteLength(channel) <= MAX_IDENTIFIER_BYTES) return channel;
  const hash = createHash('sha256').update(schema).digest('hex');
  return CHANNEL_PREFIX + hash.slice(0, MAX_IDENTIFIER_BYTES - CHANNEL_PREFIX.length);
}
