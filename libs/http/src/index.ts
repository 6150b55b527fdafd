export {
  BadRequestError,
  DependencyUnavailableError,
  MalformedJsonError,
  ProblemError,
  ValidationError,
} from './lib/problem/problem.error';
export type { IssueDetail } from './lib/problem/problem.error';
export { PROBLEM_MEDIA_TYPE, toProblem } from './lib/problem/problem';
export type { Problem } from './lib/problem/problem';
export { ProblemFilter } from './lib/problem/problem.filter';
export { sendProblem } from './lib/problem/send-problem';
export { createFastifyAdapter, defaultBodyLimits } from './lib/fastify.adapter';
export type { BodyLimits } from './lib/fastify.adapter';
export { correlationIdOf, traceparentOf } from './lib/correlation';
export { etag, send } from './lib/http-answer';
export type { HttpAnswer } from './lib/http-answer';
export type { HttpReply, HttpRequest } from './lib/http.types';
