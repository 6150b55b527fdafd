import type { SigningSecrets } from './webhook.signer';

/** A claimed delivery with all it needs to be sent. */
export interface DueDelivery {
  id: string;
  subscriptionId: string;
  attempts: number;
  retryUntil: Date;
  callbackUrl: string;
  secrets: SigningSecrets;
  /** The owner may still read the record (an agreement, client or ente revoked since it was queued: false). */
  entitled: boolean;
  cloudEvent: Record<string, unknown>;
}
