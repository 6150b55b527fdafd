import { ProblemError, ValidationError } from '@interscambio/http';
import type { IssueDetail } from '@interscambio/http';

/** Unknown, or another ente's: the caller cannot tell the two apart. */
export class SubscriptionNotFoundError extends ProblemError {
  constructor() {
    super('subscription-not-found', 404, 'Not found', "No subscription with this id belongs to the caller's ente.");
  }
}

export class DeliveryNotFoundError extends ProblemError {
  constructor() {
    super('delivery-not-found', 404, 'Not found', 'This subscription has no dead letter with this id.');
  }
}

export class ReplayFromUnknownError extends ProblemError {
  constructor() {
    super(
      'replay-from-unknown',
      422,
      'Validation failed',
      'from is neither an RFC 3339 time nor the id of an event this notifier delivered.',
      [{ pointer: '/from', keyword: 'format', message: 'must be an RFC 3339 time or the id of a received event' }],
    );
  }
}

/** The subscription as sent cannot be kept: each issue at its pointer (callback URL, types, filter). */
export class SubscriptionInvalidError extends ValidationError {
  constructor(issues: IssueDetail[]) {
    super(issues, 'The subscription is not valid.');
  }
}
