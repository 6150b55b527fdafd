import type { AgreementState, AgreementStatus } from '@interscambio/access';
import type { Agreement } from './agreement.entity';
import type { AgreementChange } from './agreement-change.entity';

interface AgreementChangeView {
  version: number;
  from: AgreementStatus | null;
  to: AgreementStatus;
  byClient: string;
  byEnte: string;
  reason: string | null;
  at: string;
}

export interface AgreementView extends AgreementState {
  requestedBy: string;
  createdAt: string;
  history?: AgreementChangeView[];
}

/** The whole state, as published on the agreements topic. */
export function agreementState(agreement: Agreement): AgreementState {
  return {
    id: agreement.id,
    consumer: agreement.consumer,
    scope: agreement.scope,
    publisher: agreement.publisher,
    theme: agreement.theme,
    type: agreement.type,
    purpose: agreement.purpose,
    fields: agreement.fields,
    status: agreement.status,
    version: agreement.version,
    changedAt: agreement.changedAt.toISOString(),
  };
}

export function agreementView(agreement: Agreement, history?: readonly AgreementChange[]): AgreementView {
  return {
    ...agreementState(agreement),
    requestedBy: agreement.requestedBy,
    createdAt: agreement.createdAt.toISOString(),
    ...(history ? { history: history.map(changeView) } : {}),
  };
}

function changeView(change: AgreementChange): AgreementChangeView {
  return {
    version: change.version,
    from: change.fromStatus,
    to: change.toStatus,
    byClient: change.byClient,
    byEnte: change.byEnte,
    reason: change.reason,
    at: change.at.toISOString(),
  };
}
