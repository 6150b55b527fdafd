import { ISTAT_CODE_PATTERN } from '@interscambio/enti';
import type { FromSchema } from '@interscambio/http';

export const createAgreementSchema = {
  title: 'AgreementRequest',
  type: 'object',
  additionalProperties: false,
  required: ['publisher', 'theme', 'type'],
  properties: {
    publisher: {
      type: 'string',
      pattern: ISTAT_CODE_PATTERN,
      description: 'The ente whose records are read; for scope metro, the città metropolitana (082000, 083000).',
    },
    scope: {
      enum: ['ente', 'metro'],
      description: 'ente (default): one publisher; metro: every ente of the città metropolitana.',
    },
    theme: { type: 'string', minLength: 1, maxLength: 100, examples: ['tributi'] },
    type: { type: 'string', minLength: 1, maxLength: 100, examples: ['posizione-debitoria'] },
    purpose: {
      type: 'string',
      maxLength: 1000,
      description: 'Why the consumer reads; at least 10 characters for personale types.',
    },
    fields: {
      type: 'array',
      minItems: 1,
      maxItems: 100,
      uniqueItems: true,
      items: { type: 'string', pattern: '^(/([^~/]|~[01])*)+$', maxLength: 500 },
      description:
        'The fields the consumer may see, as JSON pointers into the record (e.g. /stato, /periodo/inizio); required for personale types, whose reads show only these; all fields when absent.',
      examples: [['/stato', '/areaIntervento', '/dataApertura']],
    },
    consumer: {
      type: 'string',
      pattern: ISTAT_CODE_PATTERN,
      description: "The ente that reads: the caller's own; an operator or admin may name another.",
    },
  },
} as const;

export const agreementActionSchema = {
  title: 'AgreementAction',
  type: 'object',
  additionalProperties: false,
  properties: { reason: { type: 'string', minLength: 1, maxLength: 1000 } },
} as const;

export type AgreementRequest = FromSchema<typeof createAgreementSchema>;
export type AgreementActionBody = FromSchema<typeof agreementActionSchema>;
