import { HttpException } from '@nestjs/common';
import { DependencyUnavailableError, ProblemError } from './problem.error';
import type { IssueDetail } from './problem.error';
import { textIn } from '../language/language';
import type { Language, Text } from '../language/language';
import httpStatuses from './http-statuses.json';
import { issueMessageIn } from './issue-message';

export interface Problem {
  [extension: string]: unknown;
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  correlationId?: string;
  errors?: IssueDetail[];
}

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

// Fastify's own errors (raised before a controller runs). Nest turns them into HttpExceptions that
// keep only the status, so both forms map by status to the same codes (http-statuses.json).
// Their messages are Fastify's, in English: an Italian caller gets a sentence of ours instead.
const byStatus: Record<string, { code: string; title: Text; detail: string } | undefined> = httpStatuses;

// A connection that failed, not a request: SQLSTATE classes 08 (connection exception) and 57P
// (operator intervention: PostgreSQL shutting down or restarting), and the socket errors under them.
const CONNECTION_FAILURE = /^(08...|57P0[1-3]|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH)$/;
const CONNECTION_LOST =
  /^Connection terminated|^timeout exceeded when trying to connect|^Client has encountered a connection error/;

/**
 * A dependency that cannot be reached (the database restarting, a connection cut): the caller may
 * retry shortly, so 503 with Retry-After rather than 500. Nothing was stored (a transaction that
 * lost its connection is rolled back by PostgreSQL).
 */
export function dependencyFailure(error: unknown): DependencyUnavailableError | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if ((typeof code === 'string' && CONNECTION_FAILURE.test(code)) || CONNECTION_LOST.test(error.message))
    return new DependencyUnavailableError(
      {
        it: 'Il database non risponde in questo momento: riprovare tra qualche secondo.',
        en: 'The database does not answer right now: retry in a few seconds.',
      },
      5,
    );
  return undefined;
}

/**
 * Maps anything thrown while handling a request to a problem in the caller's language; unknown
 * errors become a bare 500.
 */
export function toProblem(error: unknown, language: Language = 'en'): Problem {
  const unavailable = dependencyFailure(error);
  if (unavailable) return toProblem(unavailable, language);
  const say = (text: Text): string => textIn(text, language);
  if (error instanceof ProblemError) {
    const errors = error.errors && issuesIn(error.errors, language);
    // Extension members come after the standard ones and never replace them.
    const detail = say(error.detail ?? error.title);
    return { ...error.extensions, ...problem(error.code, error.status, say(error.title), detail, errors) };
  }
  const http =
    error instanceof HttpException ? { status: error.getStatus(), message: error.message } : fastifyError(error);
  if (http && http.status < 500) {
    const { code, title, detail } = byStatus[http.status] ?? {
      code: `http-${http.status}`,
      title: { it: 'Errore del client', en: 'Client error' },
      detail: 'La richiesta non può essere accolta.',
    };
    return problem(code, http.status, say(title), language === 'it' ? detail : http.message);
  }
  return problem(
    'internal-error',
    500,
    say({ it: 'Errore interno del server', en: 'Internal server error' }),
    say({ it: 'Non è stato possibile completare la richiesta.', en: 'The request could not be completed.' }),
  );
}

function problem(code: string, status: number, title: string, detail?: string, errors?: IssueDetail[]): Problem {
  return { type: `urn:interscambio:problem:${code}`, title, status, detail, code, ...(errors ? { errors } : {}) };
}

/** Issues as the caller reads them: the Italian sentence travels inside, never out as a member. */
export function issuesIn(issues: readonly IssueDetail[], language: Language): IssueDetail[] {
  return issues.map(({ it, ...shown }) => ({ ...shown, message: issueMessageIn({ ...shown, it }, language) }));
}

function fastifyError(error: unknown): { status: number; message: string } | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, statusCode } = error as Error & { code?: unknown; statusCode?: unknown };
  if (typeof code !== 'string' || !code.startsWith('FST_') || typeof statusCode !== 'number') return undefined;
  return { status: statusCode, message: error.message };
}
