// The request bodies of /subscriptions: validators at runtime and OpenAPI components, one source.

import { ISTAT_CODE_PATTERN } from '@interscambio/enti';
import { secretRotationSchema } from '@interscambio/http';
import type { FromSchema } from '@interscambio/http';

const TRIGGERS = ['created', 'updated', 'deleted'] as const;

/** The keywords of a set of names: one at least, at most `maxItems`, none twice, each matching `pattern`. */
const nameSet = <const P extends string, const M extends number>(pattern: P, maxItems: M) =>
  ({ minItems: 1, maxItems, uniqueItems: true, items: { type: 'string', pattern } }) as const;

const fields = {
  types: {
    type: 'array',
    description: 'Record types to hear about, e.g. posizione-debitoria.',
    ...nameSet('^[a-z][a-z0-9-]{0,62}$', 50),
  },
  publishers: {
    type: ['array', 'null'],
    description: 'Only records of these enti (ISTAT codes); every ente when absent or null.',
    ...nameSet(ISTAT_CODE_PATTERN, 500),
  },
  filter: {
    type: ['object', 'null'],
    description:
      'Tests on record fields, all of which must hold: { "<JSON pointer>": { "<operator>": value } }, operators eq, ne, in, gt, gte, lt, lte, exists, prefix. A deleted record is tested as it was last published.',
  },
  triggers: {
    type: 'array',
    description: 'Which changes to hear about; all three when absent.',
    minItems: 1,
    uniqueItems: true,
    items: { enum: TRIGGERS },
  },
  callbackUrl: {
    type: 'string',
    description: 'https:// URL on a public address (http:// and private addresses only in the sandbox).',
    minLength: 8,
    maxLength: 2000,
  },
  expiresAt: {
    type: ['string', 'null'],
    format: 'date-time',
    description: 'After this the subscription sends nothing.',
  },
} as const;

export const createSubscriptionSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'SubscriptionRequest',
  type: 'object',
  additionalProperties: false,
  required: ['types', 'callbackUrl'],
  properties: fields,
} as const;

export const updateSubscriptionSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'SubscriptionUpdate',
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    ...fields,
    status: { enum: ['active', 'paused'], description: 'Pause, or resume (which also clears the failure streak).' },
  },
} as const;

export const rotateSecretSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  ...secretRotationSchema({
    description: 'How long deliveries stay signed with the old secret too (default one day).',
  }),
} as const;

export const replaySchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'ReplayRequest',
  type: 'object',
  additionalProperties: false,
  required: ['from'],
  properties: {
    from: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      description:
        "An RFC 3339 time (events after it), the id of an event already received (events logged after that one), or a theme's feed cursor (that theme's events after that place in its feed: `next` of `GET /<theme>/v1/feed`, or an event's `feedcursor`).",
    },
    theme: {
      type: 'string',
      pattern: '^[a-z][a-z0-9-]*$',
      maxLength: 64,
      description:
        "With a feed cursor: the theme whose feed it is from. Needed only when the subscription's types belong to more than one theme.",
    },
  },
} as const;

export const subscriptionRequestSchemas = [
  createSubscriptionSchema,
  updateSubscriptionSchema,
  rotateSecretSchema,
  replaySchema,
];

/** A subscription's fields as sent, to create (types and callbackUrl required then) or to update. */
export type SubscriptionInput = FromSchema<typeof updateSubscriptionSchema>;
export type SubscriptionRequest = FromSchema<typeof createSubscriptionSchema>;
export type SecretRotation = FromSchema<typeof rotateSecretSchema>;
export type ReplayRequest = FromSchema<typeof replaySchema>;
