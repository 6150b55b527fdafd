import { agreementsTopic } from '../states/registry-state';
import { agreementEventType } from './agreement.contract';
import type { AgreementState } from './agreement.contract';
import type { OutboxEvent } from '@interscambio/messaging';
import { v7 as uuidv7 } from 'uuid';

/** The CloudEvent of one change, as the registry's outbox publishes it: the full state, keyed by agreement id, so the compacted topic keeps the latest. */
export function agreementEvent(state: AgreementState, topicPrefix: string, correlationId?: string): OutboxEvent {
  return {
    id: uuidv7(),
    topic: agreementsTopic(topicPrefix),
    key: state.id,
    type: agreementEventType(state.status),
    source: '/registry',
    subject: state.id,
    time: state.changedAt,
    data: state,
    headers: correlationId ? { 'interscambio-correlation-id': correlationId } : {},
  };
}
