import { ProblemError } from '@interscambio/http';

export class NotFoundError extends ProblemError {
  constructor(code: string, detail: string) {
    super(code, 404, 'Not found', detail);
  }
}

export class ConflictError extends ProblemError {
  constructor(code: string, detail: string) {
    super(code, 409, 'Conflict', detail);
  }
}

export class ForbiddenError extends ProblemError {
  constructor(code: string, detail: string) {
    super(code, 403, 'Forbidden', detail);
  }
}

/** A request that passed its schema but names something that cannot be: a 422 pointing at the field. */
export class UnprocessableError extends ProblemError {
  constructor(code: string, pointer: string, detail: string) {
    super(code, 422, 'Unprocessable request', detail, [{ pointer, keyword: code, message: detail }]);
  }
}
