import type { CloudEvent } from './cloud-event';
import { eventCorrelationId, eventRevision, eventVisibility } from './interscambio-attributes';

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
  // The extensions first: the platform's attributes arrive among them as text (ce_revision: "3"),
  // and the accessors give them their types.
  const structured: Record<string, unknown> = {
    ...event.extensions,
    ...platform,
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
