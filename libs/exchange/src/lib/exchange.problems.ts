// The HTTP edge of the exchange: the one place where its domain codes become statuses and
// problem+json. The write path itself (RecordWriter) knows nothing of HTTP.
import type { IssueDetail } from '@interscambio/http';
import { ProblemError, ValidationError } from '@interscambio/http';
import type { RecordRejection } from './records/record.types';

export class UnknownRecordTypeError extends ProblemError {
  constructor(type: string) {
    super(
      'unknown-record-type',
      404,
      { it: 'Tipo di record sconosciuto', en: 'Unknown record type' },
      { it: `Questo tema non ha il tipo di record "${type}".`, en: `This theme has no record type "${type}".` },
    );
  }
}

export class RecordNotFoundError extends ProblemError {
  constructor() {
    super('record-not-found', 404, { it: 'Record non trovato', en: 'Record not found' });
  }
}

export class IdempotencyKeyReusedError extends ProblemError {
  constructor() {
    super(
      'idempotency-key-reused',
      422,
      { it: 'Chiave di idempotenza riusata', en: 'Idempotency key reused' },
      {
        it: 'Questa Idempotency-Key è già stata usata per una richiesta diversa.',
        en: 'This Idempotency-Key was already used for a different request.',
      },
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
      const { clientId, ente } = rejection.writer;
      const message = `client ${clientId} writes records of ente ${ente} only`;
      return [
        {
          pointer: '/ente',
          keyword: 'ente',
          message,
          it: `il client ${clientId} scrive solo record dell'ente ${ente}`,
        },
      ];
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
        { it: 'Accesso negato', en: 'Forbidden' },
        {
          it: `Il client ${rejection.writer.clientId} agisce per l'ente ${rejection.writer.ente}: non può scrivere record dell'ente ${rejection.ente}.`,
          en: `Client ${rejection.writer.clientId} acts for ente ${rejection.writer.ente}: it cannot write records of ente ${rejection.ente}.`,
        },
      );
    case 'invalid-record':
      return new ValidationError(issues);
    case 'revision-mismatch':
      return new ProblemError(
        'revision-mismatch',
        status,
        { it: 'Precondizione non soddisfatta', en: 'Precondition failed' },
        rejection.current === null
          ? { it: 'Il record non esiste.', en: 'The record does not exist.' }
          : {
              it: `La revisione corrente è ${rejection.current}.`,
              en: `The current revision is ${rejection.current}.`,
            },
      );
    case 'record-not-found':
      return new RecordNotFoundError();
  }
}
