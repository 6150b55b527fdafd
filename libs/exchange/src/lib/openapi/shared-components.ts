// Envelopes around records (problems, pages, batch results). Records themselves are never
// described here: their schemas come from schemas/ (see record-schemas.ts).

export const problemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details.',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', format: 'uri-reference', examples: ['urn:interscambio:problem:validation-failed'] },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: { type: 'string', description: 'Stable machine-readable code.' },
    correlationId: { type: 'string', description: 'The X-Correlation-ID of the request.' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['pointer', 'keyword', 'message'],
        properties: {
          pointer: { type: 'string', description: 'RFC 6901 JSON pointer into the document.' },
          keyword: { type: 'string' },
          message: { type: 'string' },
        },
      },
    },
  },
};

export const batchResultSchema = {
  type: 'object',
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['index', 'status', 'outcome'],
        properties: {
          index: { type: 'integer' },
          ente: { type: 'string' },
          key: { type: 'string' },
          status: { type: 'integer', enum: [200, 201, 403, 422] },
          outcome: { type: 'string', enum: ['created', 'updated', 'unchanged', 'rejected'] },
          revision: { type: 'integer' },
          receipt: { type: 'string', description: 'The signed receipt of the change.' },
          errors: { $ref: '#/components/schemas/Problem/properties/errors' },
        },
      },
    },
  },
};

export const enteParameter = {
  name: 'ente',
  in: 'path',
  required: true,
  description: 'ISTAT code of the ente.',
  schema: { type: 'string', pattern: '^[0-9]{6}$' },
  example: '082053',
};
export const keyParameter = {
  name: 'key',
  in: 'path',
  required: true,
  description: "The record's key within the ente.",
  schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._~-]{0,199}$' },
};
export const ifMatchHeader = {
  name: 'If-Match',
  in: 'header',
  required: false,
  description: 'The expected revision, as the ETag `"<revision>"`; `*` requires the record to exist.',
  schema: { type: 'string' },
};
export const idempotencyKeyHeader = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'A replay with the same key returns the first answer.',
  schema: { type: 'string', maxLength: 255 },
};

export const etagHeader = { ETag: { description: 'The revision, as `"<revision>"`.', schema: { type: 'string' } } };

/** What a write answers with: its revision and the service's signed receipt of the change. */
export const writeHeaders = {
  ...etagHeader,
  'Interscambio-Receipt': {
    description:
      'The signed receipt of the change, `<JWS>~<leaf>~<path>`; verify with `/.well-known/jwks.json` (see the README).',
    schema: { type: 'string' },
  },
};

const problem = (description: string): object => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

export const problemResponses = {
  '400': problem('Malformed request (bad ente, key, JSON or query).'),
  '401': problem('No access token, or one that does not verify; `code` and `detail` say exactly why.'),
  '403': problem("The token lacks the scope, or writes as an ente that is not the token's own."),
  '404': problem('Unknown record type, or no record the caller may see.'),
  '412': problem('If-Match does not match the current revision.'),
  '413': problem('Body too large.'),
  '415': problem('Body is not application/json.'),
  '422': problem('The document does not match the record type; `errors` lists each issue.'),
  '429': problem('Over the rate limit: retry after `Retry-After` seconds.'),
  '500': problem('Unexpected failure.'),
};

const integerHeader = (description: string): object => ({ description, schema: { type: 'integer', minimum: 0 } });

/** On every answer (Italian API guidelines): the caller's window, what is left of it, when it resets. */
export const rateLimitHeaders = {
  'X-RateLimit-Limit': integerHeader('Requests allowed in the current window.'),
  'X-RateLimit-Remaining': integerHeader('Requests left in the current window.'),
  'X-RateLimit-Reset': integerHeader('Seconds until the window resets.'),
};

export const retryAfterHeader = { 'Retry-After': integerHeader('Seconds to wait before retrying.') };

export const scopeDescriptions = {
  'records:read': 'Read records, lists and the change feed (what visibility and agreements allow).',
  'records:write': "Publish and delete the records of the token's own ente.",
  subscriptions: 'Manage webhook subscriptions.',
  operator: 'Operate the platform: audit checks, every trail.',
  admin: 'Administer the registry.',
};

export const SECURITY_SCHEME = 'registry';
