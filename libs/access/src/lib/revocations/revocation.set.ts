import type { AccessToken } from '../tokens/access-token';
import type { RevocationState } from './revocation.contract';

/** What the access gate asks after a token verifies: why it no longer counts, or undefined. */
export interface RevocationCheck {
  refusal(token: AccessToken): string | undefined;
}

type Active = Pick<RevocationState, 'kind' | 'subject' | 'clientId' | 'since'>;

/**
 * The revocations in force, held in memory for the gate (one lookup per request, no query): a
 * service replaces them whole from its projection every second.
 */
export class RevocationSet implements RevocationCheck {
  private clients = new Map<string, string>();
  private enti = new Map<string, string>();
  // Per client, the latest key removal: tokens issued up to then may come from the removed key.
  private keysRemoved = new Map<string, Date>();

  replace(active: readonly Active[]): void {
    const clients = new Map<string, string>();
    const enti = new Map<string, string>();
    const keysRemoved = new Map<string, Date>();
    for (const r of active) {
      if (r.kind === 'ente') enti.set(r.subject, r.since);
      else if (r.kind === 'client') clients.set(r.clientId ?? r.subject, r.since);
      else if (r.clientId) {
        const since = new Date(r.since);
        if (!(since <= (keysRemoved.get(r.clientId) ?? new Date(0)))) keysRemoved.set(r.clientId, since);
      }
    }
    [this.clients, this.enti, this.keysRemoved] = [clients, enti, keysRemoved];
  }

  refusal(token: AccessToken): string | undefined {
    const client = this.clients.get(token.clientId);
    if (client) return `Client "${token.clientId}" was revoked at ${client}: its tokens are no longer accepted.`;
    const ente = this.enti.get(token.ente);
    if (ente)
      return `Ente ${token.ente} was disabled on the platform at ${ente}: its clients' tokens are no longer accepted.`;
    const removed = this.keysRemoved.get(token.clientId);
    // iat has whole seconds: a token of the very second of the removal is refused too.
    if (removed && token.issuedAt.getTime() <= removed.getTime())
      return `A key of client "${token.clientId}" was removed at ${removed.toISOString()}: tokens issued before then are no longer accepted; request a new one.`;
    return undefined;
  }
}
