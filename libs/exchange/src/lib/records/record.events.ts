import type { OutboxEvent } from '@interscambio/messaging';
import { v7 as uuidv7 } from 'uuid';
import type { RecordOperation, RecordTypeRef, RequestTrace } from './record.types';

export interface EventSettings {
  theme: string;
  topicPrefix: string;
}

export interface RecordChange {
  ente: string;
  key: string;
  revision: number;
  operation: RecordOperation;
  time: Date;
  data: unknown;
}

/** The CloudEvent announcing one change of one record, to be appended to the outbox. */
export function recordEvent(
  settings: EventSettings,
  ref: RecordTypeRef,
  change: RecordChange,
  trace: RequestTrace,
): OutboxEvent {
  const headers: Record<string, string> = {
    'interscambio-visibility': ref.visibility,
    'interscambio-revision': String(change.revision),
    'interscambio-correlation-id': trace.correlationId,
  };
  // CloudEvents distributed-tracing extension, so a consumer can continue the caller's trace.
  if (trace.traceparent) headers['ce_traceparent'] = trace.traceparent;
  return {
    id: uuidv7(),
    topic: `${settings.topicPrefix}.${settings.theme}.${ref.type}`,
    key: `${change.ente}/${change.key}`,
    type: `it.interscambio.${settings.theme}.${ref.type}.${change.operation}`,
    source: `/enti/${change.ente}`,
    subject: change.key,
    time: change.time.toISOString(),
    dataschema: ref.dataschema,
    data: change.operation === 'deleted' ? null : change.data,
    headers,
  };
}
