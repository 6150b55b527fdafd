// The feed's answer for OpenAPI. Items are generic over the theme's types, so `data` is left open:
// each type's own schema describes it under /records/{type}.
import { ISTAT_CODE_PATTERN } from '@interscambio/enti';
export const feedPageSchema = {
  type: 'object',
  required: ['items', 'next'],
  properties: {
    items: {
      type: 'array',
      description: 'Each change once, in commit order: a record changed twice shows twice, at each revision.',
      items: {
        type: 'object',
        required: ['type', 'ente', 'key', 'revision', 'operation', 'updatedAt', 'data'],
        properties: {
          type: { type: 'string', description: 'The record type.' },
          ente: { type: 'string', pattern: ISTAT_CODE_PATTERN },
          key: { type: 'string' },
          revision: { type: 'integer', minimum: 1, description: 'The revision this change produced.' },
          operation: { type: 'string', enum: ['created', 'updated', 'deleted'] },
          updatedAt: { type: 'string', format: 'date-time', description: 'When the change committed.' },
          data: {
            oneOf: [{ type: 'object' }, { type: 'null' }],
            description: 'The record at this revision; null when deleted.',
          },
        },
      },
    },
    next: { type: 'string', description: 'The `after` of the next request, also when this page is empty.' },
  },
};
