export type AuditAction = 'created' | 'updated' | 'deleted' | 'read';

/** One audited act: who (`clientId` of `ente`) did what to which record, under which agreement and purpose. */
export interface AuditEntryInput {
  /** The API client, or `flow:<theme>.<consumer>` for derived writes. */
  clientId: string;
  /** The caller's ente. */
  ente: string;
  action: AuditAction;
  recordType: string;
  recordEnte: string;
  recordKey: string;
  revision: number | null;
  agreementId?: string | null;
  purpose?: string | null;
  correlationId: string;
  /** Defaults to the time of the append; a JavaScript Date, so milliseconds are what gets hashed and stored. */
  at?: Date;
}

/** A stored entry, as read back: the input's fields with nulls explicit, plus its place in the chain. */
export interface AuditEntry {
  seq: string;
  /** ISO-8601, UTC, milliseconds. */
  at: string;
  clientId: string;
  ente: string;
  action: AuditAction;
  recordType: string;
  recordEnte: string;
  recordKey: string;
  revision: number | null;
  agreementId: string | null;
  purpose: string | null;
  correlationId: string;
  hash: string;
}

/** What the audit functions need from a database connection: a pg PoolClient (or, to read, a Pool) fits. */
export interface SqlExecutor {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}
