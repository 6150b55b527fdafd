import { cloudEventHeader, cloudEventHeaders } from '@interscambio/messaging';
import type { RecordTypeRef, RequestTrace } from './record.types';

export interface EventSettings {
  theme: string;
  topicPrefix: string;
}

/**
 * An event's id and Kafka headers, ready for the write statement to complete (record.sql.ts); its
 * value is the record's JSON as stored, or null for a tombstone.
 */
export interface EventTemplate {
  id: string;
  headers: Record<string, string>;
}

/** Where a type's events go, and how the write statement completes them. */
export interface EventTarget {
  topic: string;
  /** The CloudEvent type without its last segment, the operation: `it.interscambio.<theme>.<type>.` */
  typePrefix: string;
  /** The header that carries the type (binary mode). */
  typeHeader: string;
}

export function eventTarget(settings: EventSettings, ref: RecordTypeRef): EventTarget {
  return {
    topic: `${settings.topicPrefix}.${settings.theme}.${ref.type}`,
    typePrefix: `it.interscambio.${settings.theme}.${ref.type}.`,
    typeHeader: cloudEventHeader('type'),
  };
}

/**
 * The CloudEvent announcing one change of one record, in binary mode, but for what only the write
 * can tell: whether a put created or updated the record, and its revision. The write statement sets
 * both (the type header and `interscambio-revision`).
 */
export function recordEvent(
  target: EventTarget,
  ref: RecordTypeRef,
  change: { id: string; ente: string; key: string; time: Date; data: unknown },
  trace: RequestTrace,
): EventTemplate {
  const headers: Record<string, string> = {
    'interscambio-visibility': ref.visibility,
    'interscambio-correlation-id': trace.correlationId,
  };
  const id = change.id;
  // The value is the record's JSON text as stored (record.sql.ts): only the headers are made here.
  const eventHeaders = cloudEventHeaders({
    id,
    topic: target.topic,
    key: `${change.ente}/${change.key}`,
    type: `${target.typePrefix}${change.data === null ? 'deleted' : 'updated'}`,
    source: `/enti/${change.ente}`,
    subject: change.key,
    time: change.time.toISOString(),
    dataschema: ref.dataschema,
    data: change.data,
    // The CloudEvents distributed-tracing extension, so a consumer can continue the caller's trace.
    traceparent: trace.traceparent,
    headers,
  });
  return { id, headers: eventHeaders };
}
