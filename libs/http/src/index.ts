export {
  BadRequestError,
  DependencyUnavailableError,
  MalformedJsonError,
  ProblemError,
  ValidationError,
} from './lib/problem/problem.error';
export type { IssueDetail } from './lib/problem/problem.error';
export { requestLanguage, textIn } from './lib/language/language';
export { schemaIssueInItalian } from './lib/problem/issue-message';
export type { Language, Text } from './lib/language/language';
export { dependencyFailure, issuesIn, PROBLEM_MEDIA_TYPE, toProblem } from './lib/problem/problem';
export { unstorableText } from './lib/problem/unstorable-text';
export type { Problem } from './lib/problem/problem';
export { ProblemFilter } from './lib/problem/problem.filter';
export { sendProblem } from './lib/problem/send-problem';
export { createFastifyAdapter, defaultBodyLimits } from './lib/fastify.adapter';
export type { BodyLimits } from './lib/fastify.adapter';
export { correlationIdOf, traceparentOf } from './lib/correlation';
export { etag, send } from './lib/http-answer';
export type { HttpAnswer } from './lib/http-answer';
export type { HttpReply, HttpRequest } from './lib/http.types';
export { Probe, Public, PUBLIC_ROUTE, UNLIMITED_ROUTE } from './lib/routes/public-route';
export { DocsController } from './lib/docs/docs.controller';
export { OpenApiHolder } from './lib/docs/openapi.holder';
export { previewApiDocument } from './lib/docs/api-preview';
export { API_SECURITY_SCHEME, API_VERSION, conformApiDocument } from './lib/docs/api-document';
export { PREVIEW_ENV } from './lib/docs/preview-env';
export type { ApiIdentity, PublicUrls } from './lib/docs/api-document';
export { serviceStatus, STATUS_CHECKS, StatusController } from './lib/status/status.controller';
export type { ServiceStatus, StatusChecks } from './lib/status/status.controller';
export type { DependencyCheck } from './lib/status/dependency.probe';
export { RequestValidator } from './lib/requests/request-validator';
export type { FromSchema } from './lib/requests/json-schema.types';
export {
  FORM_MEDIA_TYPE,
  FormBody,
  MERGE_PATCH_MEDIA_TYPE,
  mediaTypeOf,
  registerBodyParsers,
  registerMergePatchParser,
  UnsupportedBody,
  UnsupportedMediaTypeError,
} from './lib/requests/request-bodies';
export { escapeHtml, Html, html, table, tableRow, trusted } from './lib/html/html';
export type { HtmlValue, TableOptions } from './lib/html/html';
