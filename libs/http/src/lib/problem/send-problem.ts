import type { HttpReply, HttpRequest } from '../http.types';
import { dependencyFailure, PROBLEM_MEDIA_TYPE, toProblem } from './problem';
import type { Problem } from './problem';
import { ProblemError } from './problem.error';
import { requestLanguage } from '../language/language';

/**
 * Answers `error` as RFC 9457 problem+json with the request's correlation id and the error's own
 * headers: from the exception filter, or from a hook that refuses a request before Nest sees it.
 */
export function sendProblem(request: HttpRequest, reply: HttpReply, error: unknown): Problem {
  const language = requestLanguage(request);
  const problem = {
    ...toProblem(error, language),
    instance: request.url.split('?')[0],
    correlationId: String(request.id),
  };
  const answered = dependencyFailure(error) ?? error;
  if (answered instanceof ProblemError) void reply.headers(answered.headers);
  void reply
    .status(problem.status)
    .header('content-type', PROBLEM_MEDIA_TYPE)
    .header('content-language', language)
    .header('vary', withAcceptLanguage(reply.getHeader('vary')))
    .send(problem);
  return problem;
}

/** Adds Accept-Language to a Vary the route may have set already (Origin for CORS, Accept…). */
function withAcceptLanguage(vary: number | string | string[] | undefined): string {
  const names = [vary ?? []].flat().flatMap((v) => String(v).split(','));
  const kept = names.map((n) => n.trim()).filter((n) => n !== '');
  if (kept.some((n) => n === '*' || n.toLowerCase() === 'accept-language')) return kept.join(', ');
  return [...kept, 'Accept-Language'].join(', ');
}
