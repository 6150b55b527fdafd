import { eventRevision } from '@interscambio/messaging';
import type { CloudEvent } from '@interscambio/messaging';
import type { ValidationIssue } from '@interscambio/schemas';
import type { EventSource, FlowEvent } from './flow';

// Every record event names its ente as `/enti/<ISTAT code>` (record.events.ts).
const ENTE_SOURCE = /^\/enti\/([0-9]{6})$/;
// A dataschema ends with the major: `…/schemas/<type>/<major>` at the gateway, `…/<type>/<major>.json` as $id.
const DATASCHEMA_MAJOR = /\/([0-9]+)(?:\.json)?$/;

/** A source event a flow cannot take: the event goes to the dead letters with this message as its reason. */
export class FlowEventInvalidError extends Error {
  readonly code = 'flow-event-invalid';

  constructor(source: EventSource, event: CloudEvent, reason: string) {
    super(`event ${event.id} of ${source.theme}/${source.type}: ${reason}`);
    this.name = 'FlowEventInvalidError';
  }
}

/** Checks a document against the source type at a major; the issues, none when it fits. */
export type SourceValidator = (major: number, data: unknown) => ValidationIssue[];

/**
 * The event as a flow receives it, checked once: ente, key, revision and time present, and the
 * record valid against the source type's schema at `major` (the one the flow's type is generated from).
 */
export function parseFlowEvent<T>(
  source: EventSource,
  major: number,
  validate: SourceValidator,
  event: CloudEvent,
): FlowEvent<T> {
  const invalid = (reason: string): FlowEventInvalidError => new FlowEventInvalidError(source, event, reason);
  const ente = ENTE_SOURCE.exec(event.source)?.[1];
  if (!ente) throw invalid(`source ${JSON.stringify(event.source)} is not /enti/<ISTAT code>`);
  if (!event.subject) throw invalid('no subject (the record key)');
  const revision = eventRevision(event);
  if (revision === undefined || !Number.isSafeInteger(revision) || revision < 1)
    throw invalid('no interscambio revision');
  if (!event.time) throw invalid('no time');
  const base = { ente, key: event.subject, revision, time: event.time };
  if (event.data === null) return { ...base, data: null };
  const eventMajor = Number(DATASCHEMA_MAJOR.exec(event.dataschema ?? '')?.[1]);
  if (eventMajor !== major) throw invalid(`dataschema ${JSON.stringify(event.dataschema)} is not major ${major}`);
  const issues = validate(major, event.data);
  if (issues.length > 0)
    throw invalid(`record refused by its schema: ${issues.map((i) => `${i.pointer} ${i.message}`).join('; ')}`);
  return { ...base, data: event.data as T };
}
