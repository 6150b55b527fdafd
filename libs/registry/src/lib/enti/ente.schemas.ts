import type { FromSchema } from '@interscambio/http';

export const patchEnteSchema = {
  title: 'EntePatch',
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    enabled: { type: 'boolean', description: "A disabled ente's clients get no tokens." },
    codiceIpa: {
      type: ['string', 'null'],
      pattern: '^[A-Za-z0-9_]{2,20}$',
      description: 'The code in the Indice delle Pubbliche Amministrazioni (e.g. c_g273); null clears it.',
    },
  },
} as const;

export type EntePatch = FromSchema<typeof patchEnteSchema>;
