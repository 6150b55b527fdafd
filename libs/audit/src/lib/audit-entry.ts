export const AUDIT_ACTIONS = ['created', 'updated', 'deleted', 'read'] as const;
type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who (`clientId` of `ente`) did what to which record: the part of an entry every form shares. */
export interface AuditFields {
  /** The API client, or `flow:<theme>.<consumer>` for derived writes. */
  clientId: string;
  /** The caller's ente. */
  ente: string;
  action: AuditAction;
  recordType: string;
  recordEnte: string;
  recordKey: string;
  revision: number | null;
  correlationId: string;
}

/** One audited act to append, with the agreement and purpose it happened under. */
export interface AuditEntryInput extends AuditFields {
  agreementId?: string | null;
  purpose?: string | null;
  /** For a read through an agreement that names fields: the JSON pointers of the fields shown. */
  fields?: string[] | null;
  /** Defaults to the time of the append; a JavaScript Date, so milliseconds are what gets hashed and stored. */
  at?: Date;
}

/** A stored entry, as read back: nulls explicit, plus its place in the chain. */
export interface AuditEntry extends AuditFields {
  seq: string;
  /** ISO-8601, UTC, milliseconds. */
  at: string;
  agreementId: string | null;
  purpose: string | null;
  fields: string[] | null;
  hash: string;
}
