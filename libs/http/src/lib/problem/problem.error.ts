export interface IssueDetail {
  pointer: string;
  keyword: string;
  message: string;
}

/**
 * Every failure a service answers on purpose: a stable `code` (the problem type), the HTTP status it
 * maps to, headers the answer must carry (WWW-Authenticate, Retry-After…) and extension members
 * (RFC 9457 §3.2, e.g. OAuth's `error`). The problem filter turns it into problem+json.
 */
export class ProblemError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    detail?: string,
    readonly errors?: IssueDetail[],
    readonly headers: Record<string, string> = {},
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail ?? title);
    this.name = 'ProblemError';
  }
}

export class BadRequestError extends ProblemError {
  constructor(code: string, detail: string) {
    super(code, 400, 'Bad request', detail);
  }
}

export class MalformedJsonError extends ProblemError {
  constructor() {
    super('malformed-json', 400, 'Malformed JSON', 'The body is not valid JSON.');
  }
}

export class ValidationError extends ProblemError {
  constructor(errors: IssueDetail[], detail = 'The document does not match the record type.') {
    super('validation-failed', 422, 'Validation failed', detail, errors);
  }
}

export class DependencyUnavailableError extends ProblemError {
  constructor(detail: string, retryAfterSeconds?: number) {
    const headers: Record<string, string> = retryAfterSeconds ? { 'retry-after': String(retryAfterSeconds) } : {};
    super('dependency-unavailable', 503, 'Service unavailable', detail, undefined, headers);
  }
}
