import type { Text } from '../language/language';
import { textIn } from '../language/language';

export interface IssueDetail {
  pointer: string;
  keyword: string;
  /** In English; an Italian caller reads `it`, or ajv-i18n's sentence for a JSON Schema keyword. */
  message: string;
  it?: string;
  params?: Readonly<Record<string, unknown>>;
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
    readonly title: Text,
    readonly detail?: Text,
    readonly errors?: IssueDetail[],
    readonly headers: Record<string, string> = {},
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    // The English sentence is the message: what logs and stack traces show.
    super(textIn(detail ?? title, 'en'));
    this.name = 'ProblemError';
  }
}

export class BadRequestError extends ProblemError {
  constructor(code: string, detail: Text) {
    super(code, 400, { it: 'Richiesta non valida', en: 'Bad request' }, detail);
  }
}

export class MalformedJsonError extends ProblemError {
  constructor() {
    super(
      'malformed-json',
      400,
      { it: 'JSON non valido', en: 'Malformed JSON' },
      { it: 'Il corpo non è JSON valido.', en: 'The body is not valid JSON.' },
    );
  }
}

export class ValidationError extends ProblemError {
  constructor(
    errors: IssueDetail[],
    detail: Text = {
      it: 'Il documento non è conforme al tipo di record.',
      en: 'The document does not match the record type.',
    },
  ) {
    super('validation-failed', 422, { it: 'Validazione non riuscita', en: 'Validation failed' }, detail, errors);
  }
}

export class DependencyUnavailableError extends ProblemError {
  constructor(detail: Text, retryAfterSeconds?: number) {
    const headers: Record<string, string> = retryAfterSeconds ? { 'retry-after': String(retryAfterSeconds) } : {};
    super(
      'dependency-unavailable',
      503,
      { it: 'Servizio non disponibile', en: 'Service unavailable' },
      detail,
      undefined,
      headers,
    );
  }
}
