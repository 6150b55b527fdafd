import { ASSERTION_TYPE } from './client-credentials';

/** The token request as OpenAPI shows it; the endpoint reads the form itself, to refuse with OAuth's codes. */
export const tokenRequestSchema = {
  title: 'TokenRequest',
  type: 'object',
  required: ['grant_type', 'audience'],
  properties: {
    grant_type: { const: 'client_credentials' },
    audience: {
      type: 'string',
      description: 'Space-separated: `registry` or theme names (tributi, sociale…); becomes the token `aud`.',
      examples: ['tributi'],
    },
    scope: { type: 'string', description: "Space-separated subset of the client's scopes; all of them by default." },
    client_id: { type: 'string', description: 'With client_secret (client_secret_post); optional with an assertion.' },
    client_secret: { type: 'string' },
    client_assertion_type: { const: ASSERTION_TYPE },
    client_assertion: {
      type: 'string',
      description:
        'A JWT signed with a registered key: iss = sub = client id, aud = the registry issuer, exp ≤ 10 min, jti once.',
    },
  },
} as const;

export const tokenResponseSchema = {
  title: 'TokenResponse',
  type: 'object',
  required: ['access_token', 'token_type', 'expires_in', 'scope'],
  properties: {
    access_token: { type: 'string', description: 'An RFC 9068 JWT (typ at+jwt, ES256).' },
    token_type: { const: 'Bearer' },
    expires_in: { type: 'integer' },
    scope: { type: 'string' },
  },
} as const;
