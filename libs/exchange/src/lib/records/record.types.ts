/** The record type a write is for, as the catalog resolved it. */
export interface RecordTypeRef {
  type: string;
  major: number;
  visibility: string;
  /** The `$id` of the JSON Schema the document was validated against. */
  dataschema: string;
}

export type RecordOperation = 'created' | 'updated' | 'deleted';

/** `*` (If-Match: *) only asks that the record exists. */
export type ExpectedRevision = number | '*';

export interface RecordWrite {
  ente: string;
  key: string;
  data: unknown;
  hash: string;
  expected?: ExpectedRevision;
}

export interface WriteOutcome {
  ente: string;
  key: string;
  status: 'created' | 'updated' | 'unchanged';
  revision: number;
}

/** Who made a change: an API client of an ente, or a flow (`flow:<theme>.<consumer>`) deriving a record. */
export interface Actor {
  clientId: string;
  ente: string;
}

/** What travels from the HTTP request onto the events and audit entries it causes. */
export interface RequestTrace {
  correlationId: string;
  traceparent?: string;
  actor: Actor;
}
