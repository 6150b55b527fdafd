import type { CloudEvent } from './cloud-event';

// The platform's own attributes of a record event, read in one place: consumers call these instead
// of naming Kafka headers, so moving them to CloudEvents extension attributes changes only this file.

/** The record's revision after the change. */
export function eventRevision(event: CloudEvent): number | undefined {
  const value = event.headers['interscambio-revision'];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** The record type's visibility: pubblico, riservato or personale. */
export function eventVisibility(event: CloudEvent): string | undefined {
  return event.headers['interscambio-visibility'];
}

/** The correlation id of the request that caused the change. */
export function eventCorrelationId(event: CloudEvent): string | undefined {
  return event.headers['interscambio-correlation-id'];
}

/** The W3C trace context the change was made in (CloudEvents distributed-tracing extension). */
export function eventTraceparent(event: CloudEvent): string | undefined {
  return event.extensions['traceparent'];
}

/**
 * The event in CloudEvents structured JSON mode (`application/cloudevents+json`), with `data`
 * given (a subscriber may see fewer fields than were published): the core attributes, the
 * extension attributes, and the platform's attributes under extension names.
 */
export function toStructuredCloudEvent(event: CloudEvent, data: unknown): Record<string, unknown> {
  const platform: Record<string, unknown> = {
    revision: eventRevision(event),
    visibility: eventVisibility(event),
    correlationid: eventCorrelationId(event),
  };
  const structured: Record<string, unknown> = {
    ...platform,
    ...event.extensions,
    specversion: event.specversion,
    id: event.id,
    source: event.source,
    type: event.type,
    subject: event.subject,
    time: event.time,
    dataschema: event.dataschema,
  };
  if (data !== null && data !== undefined) {
    structured['datacontenttype'] = 'application/json';
    structured['data'] = data;
  }
  for (const [name, value] of Object.entries(structured)) if (value === undefined) delete structured[name];
  return structured;
}
