// What the registry answers, as OpenAPI components, with an example each: the views of
// enti/clients/agreements/keys. Request bodies come from the validators' own schemas instead.
import { ISTAT_CODE_PATTERN } from '@interscambio/enti';
const iso = { type: 'string', format: 'date-time' };
const isoOrNull = { type: ['string', 'null'], format: 'date-time' };
const istat = { type: 'string', pattern: ISTAT_CODE_PATTERN };
const list = (item: string): object => ({
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: { $ref: `#/components/schemas/${item}` } } },
});

const ente = {
  codiceIstat: '082053',
  nome: 'Palermo',
  kind: 'comune',
  provincia: '082',
  codiceIpa: 'c_g273',
  enabled: true,
  updatedAt: '2026-01-15T09:30:00.000Z',
};
const key = { kid: 'k-2026-01', kty: 'EC', alg: 'ES256', createdAt: '2026-01-15T09:30:00.000Z' };
const client = {
  clientId: 'sandbox-082053',
  ente: '082053',
  name: 'Gestionale tributi di Palermo',
  scopes: ['records:read', 'records:write'],
  authentication: 'client_secret',
  rateLimit: null,
  keys: [],
  secretSetAt: '2026-01-15T09:30:00.000Z',
  previousSecretValidUntil: null,
  revokedAt: null,
  createdAt: '2026-01-15T09:30:00.000Z',
  updatedAt: '2026-01-15T09:30:00.000Z',
};
const agreement = {
  id: '0b9d3f4e-7f8a-4c1e-9d2b-5a6c7e8f9a0b',
  consumer: '082006',
  scope: 'ente',
  publisher: '082053',
  theme: 'tributi',
  type: 'posizione-debitoria',
  purpose: null,
  fields: null,
  status: 'active',
  version: 2,
  changedAt: '2026-01-16T10:00:00.000Z',
  requestedBy: 'sandbox-082006',
  createdAt: '2026-01-15T09:30:00.000Z',
};
const signingKey = {
  kid: 'k-2026-01',
  alg: 'ES256',
  status: 'active',
  createdAt: '2026-01-15T09:30:00.000Z',
  retiredAt: null,
  published: true,
};

export const responseSchemas: Record<string, object> = {
  Ente: {
    type: 'object',
    required: ['codiceIstat', 'nome', 'kind', 'provincia', 'codiceIpa', 'enabled', 'updatedAt'],
    properties: {
      codiceIstat: istat,
      nome: { type: 'string' },
      kind: { type: 'string', enum: ['comune', 'citta-metropolitana'] },
      provincia: { type: 'string', pattern: '^[0-9]{3}$' },
      codiceIpa: { type: ['string', 'null'] },
      enabled: { type: 'boolean' },
      updatedAt: iso,
    },
    examples: [ente],
  },
  EnteList: { ...list('Ente'), examples: [{ items: [ente] }] },
  ClientKey: {
    type: 'object',
    required: ['kid', 'kty', 'alg', 'createdAt'],
    properties: { kid: { type: 'string' }, kty: { type: 'string' }, alg: { type: ['string', 'null'] }, createdAt: iso },
    examples: [key],
  },
  Client: {
    type: 'object',
    required: ['clientId', 'ente', 'name', 'scopes', 'authentication', 'keys', 'createdAt', 'updatedAt'],
    properties: {
      clientId: { type: 'string' },
      ente: istat,
      name: { type: 'string' },
      scopes: { type: 'array', items: { type: 'string' } },
      authentication: { type: 'string', enum: ['client_secret', 'private_key_jwt'] },
      rateLimit: { type: ['integer', 'null'], format: 'int32', minimum: 1 },
      keys: { type: 'array', items: { $ref: '#/components/schemas/ClientKey' } },
      secretSetAt: isoOrNull,
      previousSecretValidUntil: isoOrNull,
      revokedAt: isoOrNull,
      createdAt: iso,
      updatedAt: iso,
      clientSecret: { type: 'string', description: 'Solo alla creazione, una volta. / Only when created, once.' },
      note: { type: 'string' },
    },
    examples: [client],
  },
  ClientList: { ...list('Client'), examples: [{ items: [client] }] },
  IssuedSecret: {
    type: 'object',
    required: ['clientId', 'clientSecret', 'previousSecretValidUntil'],
    properties: { clientId: { type: 'string' }, clientSecret: { type: 'string' }, previousSecretValidUntil: isoOrNull },
    examples: [
      { clientId: 'sandbox-082053', clientSecret: 'Zm9vYmFy…', previousSecretValidUntil: '2026-01-15T10:30:00.000Z' },
    ],
  },
  Agreement: {
    type: 'object',
    required: ['id', 'consumer', 'scope', 'publisher', 'theme', 'type', 'status', 'version', 'changedAt'],
    properties: {
      id: { type: 'string' },
      consumer: istat,
      scope: { type: 'string' },
      publisher: { type: 'string' },
      theme: { type: 'string' },
      type: { type: 'string' },
      purpose: { type: ['string', 'null'] },
      fields: { type: ['array', 'null'], items: { type: 'string' } },
      status: { type: 'string', enum: ['requested', 'active', 'suspended', 'revoked', 'rejected'] },
      version: { type: 'integer', format: 'int32', minimum: 1 },
      changedAt: iso,
      requestedBy: { type: 'string' },
      createdAt: iso,
      history: { type: 'array', items: { type: 'object' } },
    },
    examples: [agreement],
  },
  AgreementList: { ...list('Agreement'), examples: [{ items: [agreement] }] },
  SigningKey: {
    type: 'object',
    required: ['kid', 'alg', 'status', 'createdAt', 'retiredAt', 'published'],
    properties: {
      kid: { type: 'string' },
      alg: { type: 'string' },
      status: { type: 'string' },
      createdAt: iso,
      retiredAt: isoOrNull,
      published: { type: 'boolean' },
    },
    examples: [signingKey],
  },
  SigningKeyList: { ...list('SigningKey'), examples: [{ items: [signingKey] }] },
  KeyRotation: {
    type: 'object',
    required: ['active', 'retired'],
    properties: {
      active: { $ref: '#/components/schemas/SigningKey' },
      retired: { oneOf: [{ $ref: '#/components/schemas/SigningKey' }, { type: 'null' }] },
    },
    examples: [{ active: signingKey, retired: null }],
  },
  Jwks: {
    type: 'object',
    required: ['keys'],
    properties: { keys: { type: 'array', items: { type: 'object', required: ['kty', 'kid'] } } },
    examples: [{ keys: [{ kty: 'EC', crv: 'P-256', kid: 'k-2026-01', alg: 'ES256', use: 'sig', x: '…', y: '…' }] }],
  },
};

/** `<METHOD> <path>` → the component its success answer is. */
export const successSchemas: Record<string, [string, string]> = {
  'GET /enti': ['200', 'EnteList'],
  'GET /enti/{code}': ['200', 'Ente'],
  'PATCH /enti/{code}': ['200', 'Ente'],
  'POST /clients': ['201', 'Client'],
  'GET /clients': ['200', 'ClientList'],
  'GET /clients/{id}': ['200', 'Client'],
  'PATCH /clients/{id}': ['200', 'Client'],
  'POST /clients/{id}/secret': ['201', 'IssuedSecret'],
  'POST /clients/{id}/keys': ['201', 'ClientKey'],
  'POST /clients/{id}/revoke': ['200', 'Client'],
  'POST /agreements': ['201', 'Agreement'],
  'GET /agreements': ['200', 'AgreementList'],
  'GET /agreements/{id}': ['200', 'Agreement'],
  'POST /agreements/{id}/{action}': ['200', 'Agreement'],
  'GET /keys': ['200', 'SigningKeyList'],
  'POST /keys/rotate': ['201', 'KeyRotation'],
  'GET /.well-known/jwks.json': ['200', 'Jwks'],
};
