import { ProblemError } from '@interscambio/http';
import type { Text } from '@interscambio/http';

export class NotFoundError extends ProblemError {
  constructor(code: string, detail: Text) {
    super(code, 404, { it: 'Non trovato', en: 'Not found' }, detail);
  }
}

export class ConflictError extends ProblemError {
  constructor(code: string, detail: Text) {
    super(code, 409, { it: 'Conflitto', en: 'Conflict' }, detail);
  }
}

export class ForbiddenError extends ProblemError {
  constructor(code: string, detail: Text) {
    super(code, 403, { it: 'Accesso negato', en: 'Forbidden' }, detail);
  }
}

/** A request that passed its schema but names something that cannot be: a 422 pointing at the field. */
export class UnprocessableError extends ProblemError {
  constructor(code: string, pointer: string, detail: Text) {
    const message = typeof detail === 'string' ? detail : detail.en;
    const it = typeof detail === 'string' ? undefined : detail.it;
    const title = { it: 'Richiesta non elaborabile', en: 'Unprocessable request' };
    super(code, 422, title, detail, [{ pointer, keyword: code, message, ...(it ? { it } : {}) }]);
  }
}
