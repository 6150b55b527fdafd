export interface IssueDetail {
  pointer: string;
  keyword: string;
  message: string;
}

/**
 * Every failure the exchange answers on purpose: a stable `code` (the problem type) and the HTTP
 * status it maps to. The problem filter turns it into RFC 9457 problem+json.
 */
export class ExchangeError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    detail?: string,
    readonly errors?: IssueDetail[],
  ) {
    super(detail ?? title);
    this.name = 'ExchangeError';
  }
}

export class UnknownRecordTypeError extends ExchangeError {
  constructor(type: string) {
    super('unknown-record-type', 404, 'Unknown record type', `This theme has no record type "${type}".`);
  }
}

export class RecordNotFoundError extends ExchangeError {
  constructor() {
    super('record-not-found', 404, 'Record not found');
  }
}

export class BadRequestError extends ExchangeError {
  constructor(code: string, detail: string) {
    super(code, 400, 'Bad request', detail);
  }
}

export class MalformedJsonError extends ExchangeError {
  constructor() {
    super('malformed-json', 400, 'Malformed JSON', 'The body is not valid JSON.');
  }
}

export class ValidationError extends ExchangeError {
  constructor(errors: IssueDetail[], detail = 'The document does not match the record type.') {
    super('validation-failed', 422, 'Validation failed', detail, errors);
  }
}

export class RevisionMismatchError extends ExchangeError {
  constructor(current: number | null) {
    super(
      'revision-mismatch',
      412,
      'Precondition failed',
      current === null ? 'The record does not exist.' : `The current revision is ${current}.`,
    );
  }
}

export class IdempotencyKeyReusedError extends ExchangeError {
  constructor() {
    super(
      'idempotency-key-reused',
      422,
      'Idempotency key reused',
      'This Idempotency-Key was already used for a different request.',
    );
  }
}

export class DependencyUnavailableError extends ExchangeError {
  constructor(detail: string) {
    super('dependency-unavailable', 503, 'Service unavailable', detail);
  }
}
