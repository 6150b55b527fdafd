import { createHash } from 'node:crypto';
import type { AuditFields } from './audit-entry';

/** The `prev_hash` of the first entry, and the hash of the head of an empty trail. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers, in the textual form that is hashed. */
export interface HashedFields extends AuditFields {
  /** Decimal. */
  seq: string;
  /** ISO-8601 with milliseconds, as `Date.prototype.toISOString` writes it. */
  at: string;
  agreementId?: string | null;
  purpose?: string | null;
  fields?: string[] | null;
}

/**
 * Hex SHA-256 of `prevHash`, a newline and the entry as JSON with its keys in this fixed order and
 * absent fields written as null: a verifier in any language can recompute it from the row alone.
 * `fields` (the fields a personale read showed) comes last and only when there are some, so entries
 * written before it existed keep their hashes.
 */
export function auditHash(prevHash: string, entry: HashedFields): string {
  const canonical = JSON.stringify({
    seq: entry.seq,
    at: entry.at,
    clientId: entry.clientId,
    ente: entry.ente,
    action: entry.action,
    recordType: entry.recordType,
    recordEnte: entry.recordEnte,
    recordKey: entry.recordKey,
    revision: entry.revision ?? null,
    agreementId: entry.agreementId ?? null,
    purpose: entry.purpose ?? null,
    correlationId: entry.correlationId,
    ...(entry.fields ? { fields: entry.fields } : {}),
  });
  return createHash('sha256').update(`${prevHash}\n${canonical}`).digest('hex');
}
