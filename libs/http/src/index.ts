export { BadRequestError, ProblemError, ValidationError, type IssueDetail } from './lib/problem/problem.error';
export { requestLanguage, textIn, type Language, type Text } from './lib/language/language';
export { schemaIssueInItalian } from './lib/problem/issue-message';
export { issuesIn, type Problem } from './lib/problem/problem';
export { unstorableText } from './lib/problem/unstorable-text';
export { ProblemFilter } from './lib/problem/problem.filter';
export { sendProblem } from './lib/problem/send-problem';
export { createFastifyAdapter, type BodyLimits } from './lib/fastify.adapter';
export { traceparentOf } from './lib/correlation';
export { etag, send, type HttpAnswer } from './lib/http-answer';
export type { HttpReply, HttpRequest } from './lib/http.types';
export { Probe, Public, PUBLIC_ROUTE, UNLIMITED_ROUTE } from './lib/routes/public-route';
export { DocsController } from './lib/docs/docs.controller';
export { OpenApiHolder } from './lib/docs/openapi.holder';
export { previewApiDocument } from './lib/docs/api-preview';
export {
  API_SECURITY_SCHEME,
  API_VERSION,
  conformApiDocument,
  type ApiIdentity,
  type PublicUrls,
} from './lib/docs/api-document';
export { PREVIEW_ENV } from './lib/docs/preview-env';
export {
  serviceStatus,
  STATUS_CHECKS,
  StatusController,
  type ServiceStatus,
  type StatusChecks,
} from './lib/status/status.controller';
export type { DependencyCheck } from './lib/status/dependency.probe';
export { JsonBody, type TitledSchema } from './lib/requests/json-body';
export type { FromSchema } from './lib/requests/json-schema.types';
export { secretRotationSchema, SecretRotationRoute } from './lib/requests/secret-rotation';
export {
  FORM_MEDIA_TYPE,
  FormBody,
  mediaTypeOf,
  registerBodyParsers,
  registerMergePatchParser,
} from './lib/requests/request-bodies';
export { Html, html, table, tableRow, trusted, type HtmlValue, type TableOptions } from './lib/html/html';
export { Operation } from './lib/docs/operation';
