import { applyDecorators, Post } from '@nestjs/common';
import { Operation } from '../docs/operation';

/** The longest a previous secret may keep working after a rotation: 30 days. */
const MAX_GRACE_SECONDS = 30 * 24 * 3600;

/**
 * The body of a secret rotation (`SecretRotation`), the same for a client's secret in the registry
 * and a subscription's signing secret in the notifier: how long the previous secret keeps working,
 * 0 to 30 days. Each service says what its grace means and, when it is fixed, its default.
 */
export function secretRotationSchema<const G extends { description: string; default?: number }>(graceSeconds: G) {
  return {
    title: 'SecretRotation',
    type: 'object',
    additionalProperties: false,
    properties: { graceSeconds: { type: 'integer', minimum: 0, maximum: MAX_GRACE_SECONDS, ...graceSeconds } },
  } as const;
}

/**
 * The route of a secret rotation, beside its body: `POST <resource>/:id/secret`, documented as
 * `@Operation` documents every route. The registry (a client's secret) and the notifier (a
 * subscription's signing secret) rotate through it, so the two keep one path and one body; what the
 * grace period means is said once, by the body's `graceSeconds`.
 */
export function SecretRotationRoute(italian: string, english: string): MethodDecorator {
  return applyDecorators(Post(':id/secret'), Operation(italian, english));
}
