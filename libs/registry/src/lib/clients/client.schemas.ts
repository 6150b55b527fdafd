import { SCOPES } from '@interscambio/access';
import { secretRotationSchema } from '@interscambio/http';
import type { FromSchema } from '@interscambio/http';
import { ISTAT_CODE_PATTERN } from '@interscambio/enti';

const scopes = {
  type: 'array',
  items: { enum: SCOPES },
  minItems: 1,
  uniqueItems: true,
  description: 'What tokens of this client may carry.',
} as const;

const rateLimit = { type: 'integer', minimum: 1, maximum: 1_000_000, description: 'Requests a minute.' } as const;

const jwk = {
  type: 'object',
  required: ['kty'],
  properties: { kty: { type: 'string' }, kid: { type: 'string', minLength: 1, maxLength: 200 } },
  description: 'A public JWK (EC P-256, Ed25519 or RSA ≥ 2048 bits) the client signs its assertions with.',
} as const;

export const createClientSchema = {
  title: 'ClientCreate',
  type: 'object',
  additionalProperties: false,
  required: ['ente', 'name', 'scopes', 'authentication'],
  properties: {
    ente: { type: 'string', pattern: ISTAT_CODE_PATTERN, description: 'The ente the client acts for.' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    scopes,
    authentication: {
      enum: ['client_secret', 'private_key_jwt'],
      description: 'client_secret: basic or post (a secret is issued once); private_key_jwt: RFC 7523 assertions.',
    },
    publicKey: jwk,
    rateLimit,
  },
  if: { type: 'object', properties: { authentication: { const: 'private_key_jwt' } } },
  then: { type: 'object', properties: { publicKey: true }, required: ['publicKey'] },
} as const;

export const patchClientSchema = {
  title: 'ClientPatch',
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    scopes,
    rateLimit: { ...rateLimit, type: ['integer', 'null'], description: 'Requests a minute; null for the default.' },
  },
} as const;

/** A rotation without graceSeconds keeps the previous secret working for an hour. */
export const DEFAULT_GRACE_SECONDS = 3600;

export const rotateSecretSchema = secretRotationSchema({
  default: DEFAULT_GRACE_SECONDS,
  description: 'How long the previous secret keeps working.',
});

export const addKeySchema = {
  title: 'ClientKeyAdd',
  type: 'object',
  additionalProperties: false,
  required: ['jwk'],
  properties: { jwk },
} as const;

export type ClientCreate = FromSchema<typeof createClientSchema>;
export type ClientPatch = FromSchema<typeof patchClientSchema>;
export type SecretRotation = FromSchema<typeof rotateSecretSchema>;
export type ClientKeyAdd = FromSchema<typeof addKeySchema>;
