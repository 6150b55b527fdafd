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
