import type { IssueDetail } from '@interscambio/http';

/** The record type a write is for, as the catalog resolved it. */
export interface RecordTypeRef {
  type: string;
  major: number;
  visibility: string;
  /** The `$id` of the JSON Schema the document was validated against. */
  dataschema: string;
}

export const RECORD_OPERATIONS = ['created', 'updated', 'deleted'] as const;
export type RecordOperation = (typeof RECORD_OPERATIONS)[number];

/** `*` (If-Match: *) only asks that the record exists. */
export type ExpectedRevision = number | '*';

/**
 * One thing a writer asks of the RecordWriter. The address and content are `unknown` because the
 * writer is where they are checked, whoever sends them (a REST body, a spreadsheet row, a flow).
 */
export type RecordCommand =
  | {
      op: 'put';
      type: string;
      ente: unknown;
      key: unknown;
      data: unknown;
      expected?: ExpectedRevision;
      /** Leave an existing record (tombstones included) alone: `kept`. */
      ifAbsent?: boolean;
    }
  | { op: 'delete'; type: string; ente: unknown; key: unknown; expected?: ExpectedRevision };

/** Why a command was refused; codes are the domain's, the HTTP edge maps them to statuses. */
export type RecordRejection =
  | { code: 'unknown-record-type'; type: string }
  | { code: 'foreign-ente'; ente: string; writer: Actor }
  /** Pointers are relative to the command: `/ente`, `/key`, `/data/...`. */
  | { code: 'invalid-record'; issues: IssueDetail[] }
  | { code: 'revision-mismatch'; current: number | null }
  | { code: 'record-not-found' };

export type RecordOutcome =
  | {
      ente: string;
      key: string;
      status: 'created' | 'updated' | 'unchanged' | 'deleted' | 'kept';
      revision: number;
      /** The signed receipt of the change (of the current revision for `unchanged`); none for `kept`. */
      receipt?: string;
    }
  | { ente: unknown; key: unknown; status: 'rejected'; rejection: RecordRejection };

/** Who made a change: an API client of an ente, or a flow (`flow:<theme>.<consumer>`) deriving a record. */
export interface Actor {
  clientId: string;
  ente: string;
}

/** What travels from the HTTP request (or the event a flow handles) onto the events and audit entries it causes. */
export interface RequestTrace {
  correlationId: string;
  traceparent?: string;
  actor: Actor;
}
