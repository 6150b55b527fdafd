// Envelopes around records (problems, pages, batch results). Records themselves are never
// described here: their schemas come from schemas/ (see record-schemas.ts).

import { ISTAT_CODE_PATTERN } from '@interscambio/enti';
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

/** A path parameter (required, as OpenAPI wants every one) or a header the operation reads when present. */
function parameter<S>(where: 'path' | 'header', name: string, description: string, schema: S) {
  return { name, in: where, required: where === 'path', description, schema };
}

export const enteParameter = {
  ...parameter('path', 'ente', 'ISTAT code of the ente.', { type: 'string', pattern: ISTAT_CODE_PATTERN }),
  example: '082053',
};
export const keyParameter = parameter('path', 'key', "The record's key within the ente.", {
  type: 'string',
  pattern: '^[A-Za-z0-9][A-Za-z0-9._~-]{0,199}$',
});
export const ifMatchHeader = parameter(
  'header',
  'If-Match',
  'The expected revision, as the ETag `"<revision>"`; `*` requires the record to exist.',
  { type: 'string' },
);
export const idempotencyKeyHeader = parameter(
  'header',
  'Idempotency-Key',
  'A replay with the same key returns the first answer.',
  { type: 'string', maxLength: 255 },
);

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

export const scopeDescriptions = {
  'records:read': 'Leggere record, elenchi e feed delle modifiche (secondo visibilità e accordi). / Read records.',
  'records:write': "Pubblicare e cancellare i record del proprio ente. / Publish the token's own ente's records.",
  subscriptions: 'Gestire le sottoscrizioni webhook. / Manage webhook subscriptions.',
  operator: 'Operare la piattaforma: verifiche di audit, ogni traccia. / Operate the platform.',
  admin: 'Amministrare il registry. / Administer the registry.',
};

export const tagDescriptions: Record<string, string> = {
  audit: 'La traccia di audit di un record e la verifica della catena di hash. / Audit trail and its hash chain.',
  feed: 'Il feed delle modifiche, in ordine di commit, anche in long-poll. / The change feed.',
  catalog: 'I tipi di record del tema, la loro visibilità e i loro JSON Schema. / Record types and schemas.',
  receipts: 'Le ricevute firmate delle modifiche e le chiavi per verificarle. / Signed receipts and their keys.',
  status: 'Stato del servizio e sonde di liveness e readiness. / Status and probes.',
  metrics: 'Metriche Prometheus del servizio. / Prometheus metrics.',
};

export { API_SECURITY_SCHEME as SECURITY_SCHEME } from '@interscambio/http';
