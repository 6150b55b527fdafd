// What the registry publishes about agreements (accordi di fruizione) and every theme service
// projects locally: one contract for both sides.
import { isIstatCode } from '@interscambio/enti';
import { checkedState } from '../states/registry-state';
import type { StateCheck } from '../states/registry-state';

export type AgreementStatus = 'requested' | 'active' | 'suspended' | 'revoked' | 'rejected';

/** `ente`: one publisher; `metro`: every ente of a città metropolitana (`publisher` is its code, e.g. 082000). */
export type AgreementScope = 'ente' | 'metro';

/** The whole state of one agreement, published at each change (the topic is compacted by id). */
export interface AgreementState {
  id: string;
  /** The ente that reads. */
  consumer: string;
  scope: AgreementScope;
  publisher: string;
  theme: string;
  type: string;
  /** Why the consumer reads; required for `personale` types. */
  purpose: string | null;
  /**
   * The fields the consumer may see (JSON pointers into the record), all when null; required for
   * `personale` types, whose reads show only these (data minimisation, GDPR art. 5(1)(c)).
   */
  fields: string[] | null;
  status: AgreementStatus;
  /** Grows by one at each change: a projection keeps the highest it has seen. */
  version: number;
  changedAt: string;
}

export function agreementEventType(status: AgreementStatus): string {
  return `it.interscambio.registry.agreement.${status}`;
}

const STATUSES: readonly unknown[] = ['requested', 'active', 'suspended', 'revoked', 'rejected'];
const POINTER = /^(\/([^~/]|~[01])*)+$/;
const isFields = (v: unknown): boolean =>
  v === null ||
  (Array.isArray(v) && v.length > 0 && v.length <= 100 && v.every((p) => typeof p === 'string' && POINTER.test(p)));
const isText = (v: unknown): boolean => typeof v === 'string' && v !== '';

const CHECKS: StateCheck[] = [
  ['no id', (s) => isText(s['id'])],
  ['no consumer ente', (s) => isIstatCode(s['consumer'])],
  ['no publisher ente', (s) => isIstatCode(s['publisher'])],
  ['a scope other than ente or metro', (s) => s['scope'] === 'ente' || s['scope'] === 'metro'],
  ['no theme or type', (s) => isText(s['theme']) && isText(s['type'])],
  ['an unknown status', (s) => STATUSES.includes(s['status'])],
  ['no version', (s) => Number.isSafeInteger(s['version']) && (s['version'] as number) >= 1],
  ['a purpose that is not text', (s) => s['purpose'] === null || typeof s['purpose'] === 'string'],
  ['fields that are not JSON pointers', (s) => isFields(s['fields'] ?? null)],
  ['no changedAt', (s) => isText(s['changedAt'])],
];

/** The event's data as an AgreementState, or an error naming what is wrong (the event goes to the DLQ). */
export function parseAgreementState(data: unknown): AgreementState {
  const state = checkedState('agreement', data, CHECKS) as unknown as AgreementState;
  // Events published before agreements named fields have none: null, which opens no personale data.
  return { ...state, fields: state.fields ?? null };
}
