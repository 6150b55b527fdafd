import { ProblemError } from '@interscambio/http';
import type { IssueDetail } from '@interscambio/http';

/** Unknown, or another ente's: the caller cannot tell the two apart. */
export class SubscriptionNotFoundError extends ProblemError {
  constructor() {
    super(
      'subscription-not-found',
      404,
      { it: 'Non trovato', en: 'Not found' },
      {
        it: 'Nessuna sottoscrizione con questo identificativo appartiene all’ente del chiamante.',
        en: "No subscription with this id belongs to the caller's ente.",
      },
    );
  }
}

export class DeliveryNotFoundError extends ProblemError {
  constructor() {
    super(
      'delivery-not-found',
      404,
      { it: 'Non trovato', en: 'Not found' },
      {
        it: 'Questa sottoscrizione non ha una consegna fallita (dead letter) con questo identificativo.',
        en: 'This subscription has no dead letter with this id.',
      },
    );
  }
}

export class ReplayFromUnknownError extends ProblemError {
  constructor() {
    super(
      'replay-from-unknown',
      422,
      { it: 'Validazione non riuscita', en: 'Validation failed' },
      {
        it: 'from non è né un istante RFC 3339, né l’id di un evento consegnato da questo notifier, né un cursore del feed di un tema.',
        en: "from is neither an RFC 3339 time, nor the id of an event this notifier delivered, nor a theme's feed cursor.",
      },
      [
        {
          pointer: '/from',
          keyword: 'format',
          message: "must be an RFC 3339 time, the id of a received event or a theme's feed cursor",
        },
      ],
    );
  }
}

/** A feed cursor is a place in one theme's feed: which one, when the subscription's types span several, or a wrong one. */
export class ReplayThemeError extends ProblemError {
  constructor(themes: string[]) {
    const list = themes.join(', ');
    super(
      'replay-theme',
      422,
      { it: 'Validazione non riuscita', en: 'Validation failed' },
      {
        it: `Un cursore del feed è una posizione nel feed di un solo tema: theme deve essere uno dei temi dei tipi della sottoscrizione (${list}).`,
        en: `A feed cursor is a place in one theme's feed: theme must be one of the themes of the subscription's types (${list}).`,
      },
      [{ pointer: '/theme', keyword: 'enum', message: `must be one of: ${list}` }],
    );
  }
}

/** The subscription as sent cannot be kept: each issue at its pointer (callback URL, types, filter). */
export class SubscriptionInvalidError extends ProblemError {
  constructor(issues: IssueDetail[]) {
    super(
      'validation-failed',
      422,
      { it: 'Validazione non riuscita', en: 'Validation failed' },
      { it: 'La sottoscrizione non è valida.', en: 'The subscription is not valid.' },
      issues,
    );
  }
}

export class InvalidDeliveryStatusError extends ProblemError {
  constructor(statuses: readonly string[]) {
    super(
      'invalid-status',
      400,
      { it: 'Richiesta non valida', en: 'Bad request' },
      {
        it: `status deve essere uno tra ${statuses.join(', ')}.`,
        en: `status must be one of ${statuses.join(', ')}.`,
      },
    );
  }
}
