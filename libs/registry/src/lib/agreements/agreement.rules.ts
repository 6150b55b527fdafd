import type { AgreementScope, AgreementStatus, Caller } from '@interscambio/access';

export const AGREEMENT_ACTIONS = ['approve', 'reject', 'suspend', 'resume', 'revoke'] as const;
export type AgreementAction = (typeof AGREEMENT_ACTIONS)[number];

export const LIVE_STATUSES: readonly AgreementStatus[] = ['requested', 'active', 'suspended'];

const TRANSITIONS: Readonly<Record<AgreementAction, { from: readonly AgreementStatus[]; to: AgreementStatus }>> = {
  approve: { from: ['requested'], to: 'active' },
  reject: { from: ['requested'], to: 'rejected' },
  suspend: { from: ['active'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'active' },
  revoke: { from: LIVE_STATUSES, to: 'revoked' },
};

export interface AgreementParties {
  consumer: string;
  scope: AgreementScope;
  publisher: string;
}

/** The status `action` leads to from `current`, or undefined when the transition does not exist. */
export function nextStatus(current: AgreementStatus, action: AgreementAction): AgreementStatus | undefined {
  const transition = TRANSITIONS[action];
  return transition.from.includes(current) ? transition.to : undefined;
}

export function actionsFrom(current: AgreementStatus): AgreementAction[] {
  return AGREEMENT_ACTIONS.filter((action) => nextStatus(current, action) !== undefined);
}

/**
 * Undefined when `caller` may do `action`; otherwise the sentence naming who may. A one-publisher
 * agreement is decided by its publisher (records:write) or an operator, a metro-wide one by an
 * operator only; the consumer may always withdraw (revoke) its own.
 */
export function refusalOf(
  caller: Caller,
  agreement: AgreementParties,
  action: AgreementAction,
): { it: string; en: string } | undefined {
  const { scopes } = caller;
  if (scopes.has('operator')) return undefined;
  if (agreement.scope === 'ente' && caller.ente === agreement.publisher && scopes.has('records:write'))
    return undefined;
  const consumerClient =
    caller.ente === agreement.consumer && (scopes.has('records:read') || scopes.has('records:write'));
  if (action === 'revoke' && consumerClient) return undefined;
  const metro = agreement.scope === 'metro';
  const revoke = action === 'revoke';
  const has = [...scopes].join(' ');
  const deciders = metro
    ? 'an operator (metro-wide agreements are decided by operators only)'
    : `a client of the publisher ${agreement.publisher} with scope records:write, or an operator`;
  const decidono = metro
    ? 'un operatore (gli accordi metropolitani li decidono solo gli operatori)'
    : `un client del publisher ${agreement.publisher} con scope records:write, o un operatore`;
  const withdraw = revoke ? `, or a client of the consumer ${agreement.consumer} withdrawing its own` : '';
  const ritira = revoke ? `, o un client del consumer ${agreement.consumer} che ritira il proprio` : '';
  return {
    it: `Solo ${decidono}${ritira} può fare ${action} su questo accordo; il client "${caller.clientId}" agisce per l'ente ${caller.ente} con ${has || 'nessuno scope'}.`,
    en: `Only ${deciders}${withdraw} may ${action} this agreement; client "${caller.clientId}" acts for ente ${caller.ente} with ${has || 'no scopes'}.`,
  };
}
