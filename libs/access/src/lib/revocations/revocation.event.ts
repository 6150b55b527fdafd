import type { OutboxEvent } from '@interscambio/messaging';
import { v7 as uuidv7 } from 'uuid';
import { revocationsTopic } from '../states/registry-state';
import { revocationKey } from './revocation.contract';
import type { RevocationState } from './revocation.contract';

/** The CloudEvent of one revocation change, as the registry's outbox publishes it: keyed so the compacted topic keeps the latest. */
export function revocationEvent(state: RevocationState, topicPrefix: string, correlationId?: string): OutboxEvent {
  const key = revocationKey(state);
  return {
    id: uuidv7(),
    topic: revocationsTopic(topicPrefix),
    key,
    type: `it.interscambio.registry.${state.kind}.${state.revoked ? 'revoked' : 'restored'}`,
    source: '/registry',
    subject: key,
    time: state.since,
    data: state,
    headers: correlationId ? { 'interscambio-correlation-id': correlationId } : {},
  };
}
