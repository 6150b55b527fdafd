import { ProblemError } from '@interscambio/http';

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

export class RevisionMismatchError extends ProblemError {
  constructor(current: number | null) {
    super(
      'revision-mismatch',
      412,
      'Precondition failed',
      current === null ? 'The record does not exist.' : `The current revision is ${current}.`,
    );
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
