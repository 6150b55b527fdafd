import { ProblemError } from '@interscambio/http';

/** A page, schema, version or asset the portal does not have. */
export class PortalNotFoundError extends ProblemError {
  constructor(detail: string) {
    super('not-found', 404, 'Non trovato', detail);
  }
}

/** A comparison asked without both versions. */
export class PortalBadRequestError extends ProblemError {
  constructor(detail: string) {
    super('bad-request', 400, 'Richiesta non valida', detail);
  }
}
