// The HTTP edge of the exchange: the one place where its domain codes become statuses and
// problem+json. The write path itself (RecordWriter) knows nothing of HTTP.
import type { IssueDetail } from '@interscambio/http';
import { ProblemError } from '@interscambio/http';
import type { RecordRejection } from './records/record.types';

export class UnknownRecordTypeError extends ProblemError {
  constructor(type: string) {
    super('unknown-record-type', 404, 'Unknown record type', `This theme has no record type "${type}".`);
  }
}

export class RecordNotFoundError extends ProblemError {
  constructor() {
    super('record-not-found', 404, 'Record not found');
  }
}

export class IdempotencyKeyReusedError extends ProblemError {
  constructor() {
    super(
      'idempotency-key-reused',
      422,
      'Idempotency key reused',
      'This Idempotency-Key was already used for a different request.',
    );
  }
}

const STATUS: Record<RecordRejection['code'], number> = {
  'unknown-record-type': 404,
  'foreign-ente': 403,
  'invalid-record': 422,
  'revision-mismatch': 412,
  'record-not-found': 404,
};

/** The HTTP status of a refused record: of the whole answer for one record, of its item in a batch. */
export function rejectionStatus(rejection: RecordRejection): number {
  return STATUS[rejection.code];
}

/** The issues of a refused record, pointers relative to the command (`/ente`, `/key`, `/data/...`). */
export function rejectionIssues(rejection: RecordRejection): IssueDetail[] {
  switch (rejection.code) {
    case 'invalid-record':
      return rejection.issues;
    case 'foreign-ente': {
      const message = `client ${rejection.writer.clientId} writes records of ente ${rejection.writer.ente} only`;
      return [{ pointer: '/ente', keyword: 'ente', message }];
    }
    default:
      return [];
  }
}

/** A refused single-record write as the problem the whole answer is; `issues` as the body sees them. */
export function rejectionProblem(rejection: RecordRejection, issues = rejectionIssues(rejection)): ProblemError {
  const status = rejectionStatus(rejection);
  switch (rejection.code) {
    case 'unknown-record-type':
      return new UnknownRecordTypeError(rejection.type);
    case 'foreign-ente':
      return new ProblemError(
        'foreign-ente',
        status,
        'Forbidden',
        `Client ${rejection.writer.clientId} acts for ente ${rejection.writer.ente}: it cannot write records of ente ${rejection.ente}.`,
      );
    case 'invalid-record':
      return new ProblemError(
        'validation-failed',
        status,
        'Validation failed',
        'The document does not match the record type.',
        issues,
      );
    case 'revision-mismatch':
      return new ProblemError(
        'revision-mismatch',
        status,
        'Precondition failed',
        rejection.current === null ? 'The record does not exist.' : `The current revision is ${rejection.current}.`,
      );
    case 'record-not-found':
      return new RecordNotFoundError();
  }
}
