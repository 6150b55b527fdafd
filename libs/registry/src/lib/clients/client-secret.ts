import type { ApiClient } from './api-client.entity';
import { hashSecret, newClientSecret } from './secret-hash';

/**
 * Gives `client` a fresh secret and returns it, to be shown once. With `graceSeconds`, the secret
 * it replaces keeps working that long (rotation without downtime); its hash stays afterwards, so
 * a refusal can say "that was the previous secret".
 */
export async function assignSecret(client: ApiClient, now: Date, graceSeconds?: number): Promise<string> {
  const secret = newClientSecret();
  const hash = await hashSecret(secret);
  if (graceSeconds !== undefined && client.secretHash) {
    client.previousSecretHash = client.secretHash;
    client.previousSecretExpiresAt = new Date(now.getTime() + graceSeconds * 1000);
  }
  client.secretHash = hash;
  client.secretSetAt = now;
  client.updatedAt = now;
  return secret;
}
