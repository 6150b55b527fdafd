import { Webhook } from 'standardwebhooks';

export interface SigningSecrets {
  secret: string;
  /** The secret before the last rotation, while its grace period lasts. */
  previous: string | null;
}

/**
 * Standard Webhooks headers for `body`: `webhook-signature` carries one `v1,<signature>` per valid
 * secret, space-separated, so a receiver still holding the previous secret verifies during the grace period.
 */
export function webhookHeaders(
  id: string,
  body: string,
  secrets: SigningSecrets,
  at = new Date(),
): Record<string, string> {
  const signatures = [secrets.secret, ...(secrets.previous ? [secrets.previous] : [])].map((s) =>
    new Webhook(s).sign(id, at, body),
  );
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
