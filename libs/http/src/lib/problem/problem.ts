import { HttpException } from '@nestjs/common';
import { DependencyUnavailableError, ProblemError } from './problem.error';
import type { IssueDetail } from './problem.error';

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
// keep only the status, so both forms map by status to the same codes.
const byStatus: Record<number, [string, string]> = {
  400: ['bad-request', 'Bad request'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  413: ['body-too-large', 'Payload too large'],
  414: ['uri-too-long', 'URI too long'],
  415: ['unsupported-media-type', 'Unsupported media type'],
};

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
    return new DependencyUnavailableError('The database does not answer right now: retry in a few seconds.', 5);
  return undefined;
}

/** Maps anything thrown while handling a request to a problem; unknown errors become a bare 500. */
export function toProblem(error: unknown): Problem {
  const unavailable = dependencyFailure(error);
  if (unavailable) return toProblem(unavailable);
  if (error instanceof ProblemError) {
    // Extension members come after the standard ones and never replace them.
    return { ...error.extensions, ...problem(error.code, error.status, error.title, error.message, error.errors) };
  }
  const http =
    error instanceof HttpException ? { status: error.getStatus(), message: error.message } : fastifyError(error);
  if (http && http.status < 500) {
    const [code, title] = byStatus[http.status] ?? [`http-${http.status}`, 'Client error'];
    return problem(code, http.status, title, http.message);
  }
  return problem('internal-error', 500, 'Internal server error', 'The request could not be completed.');
}

function problem(code: string, status: number, title: string, detail?: string, errors?: IssueDetail[]): Problem {
  return { type: `urn:interscambio:problem:${code}`, title, status, detail, code, ...(errors ? { errors } : {}) };
}

function fastifyError(error: unknown): { status: number; message: string } | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, statusCode } = error as Error & { code?: unknown; statusCode?: unknown };
  if (typeof code !== 'string' || !code.startsWith('FST_') || typeof statusCode !== 'number') return undefined;
  return { status: statusCode, message: error.message };
}
