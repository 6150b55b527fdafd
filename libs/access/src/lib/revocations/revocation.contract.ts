// What the registry publishes when it withdraws a client, a client's key or a whole ente, and what
// every theme service keeps to refuse their tokens before they expire: one contract for both sides.
import { isIstatCode } from '@interscambio/enti';
import { checkedState } from '../states/registry-state';
import type { StateCheck } from '../states/registry-state';

/** `client`: revoked for good; `ente`: disabled, until enabled again; `client-key`: a key removed from its client. */
export const REVOCATION_KINDS = ['client', 'ente', 'client-key'] as const;
type RevocationKind = (typeof REVOCATION_KINDS)[number];

/** The whole state of one revocation, published at each change (the topic is compacted by kind and subject). */
export interface RevocationState {
  kind: RevocationKind;
  /** The client id, the ente's ISTAT code, or `<client id>/<kid>`. */
  subject: string;
  /** The client whose tokens it refuses (client, client-key); null for an ente. */
  clientId: string | null;
  /** False once lifted (an ente enabled again). */
  revoked: boolean;
  /** When it took effect; a client-key revocation refuses the client's tokens issued up to then. */
  since: string;
  /** Milliseconds of the change: a projection keeps the highest it has seen. */
  version: number;
}

export function revocationKey(state: Pick<RevocationState, 'kind' | 'subject'>): string {
  return `${state.kind}:${state.subject}`;
}

const isText = (v: unknown): boolean => typeof v === 'string' && v !== '' && v.length <= 400;

const CHECKS: StateCheck[] = [
  ['an unknown kind', (s) => (REVOCATION_KINDS as readonly unknown[]).includes(s['kind'])],
  ['no subject', (s) => isText(s['subject'])],
  ['no client for a client or key', (s) => s['kind'] === 'ente' || isText(s['clientId'])],
  ['an ente that is not an ISTAT code', (s) => s['kind'] !== 'ente' || isIstatCode(s['subject'])],
  ['no revoked flag', (s) => typeof s['revoked'] === 'boolean'],
  ['no since', (s) => isText(s['since']) && !Number.isNaN(Date.parse(String(s['since'])))],
  ['no version', (s) => Number.isSafeInteger(s['version']) && (s['version'] as number) >= 1],
];

/** The event's data as a RevocationState, or an error naming what is wrong (the event goes to the DLQ). */
export function parseRevocationState(data: unknown): RevocationState {
  const s = checkedState('revocation', data, CHECKS) as unknown as RevocationState;
  return {
    kind: s.kind,
    subject: s.subject,
    clientId: s.kind === 'ente' ? null : s.clientId,
    revoked: s.revoked,
    since: s.since,
    version: s.version,
  };
}
