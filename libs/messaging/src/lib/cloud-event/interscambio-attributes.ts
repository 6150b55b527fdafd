import type { CloudEvent } from './cloud-event';

/**
 * Interscambio's own CloudEvents extension attributes (`ce_<name>` in binary mode), so SDKs carry
 * them across bindings. They were plain Kafka headers `interscambio-<…>` until 2026-12: producers
 * still hand those names in, and events already in topics carry them, so both are read.
 */
export const INTERSCAMBIO_ATTRIBUTES = {
  revision: 'interscambio-revision',
  visibility: 'interscambio-visibility',
  correlationid: 'interscambio-correlation-id',
} as const;

type InterscambioAttribute = keyof typeof INTERSCAMBIO_ATTRIBUTES;

/** The headers of an event to send: each former `interscambio-<…>` header as its `ce_<attribute>`. */
export function withExtensionAttributes(headers: Record<string, string>): Record<string, string> {
  const out = { ...headers };
  for (const [attribute, legacy] of Object.entries(INTERSCAMBIO_ATTRIBUTES)) {
    const value = out[legacy];
    if (value === undefined) continue;
    delete out[legacy];
    out[`ce_${attribute}`] ??= value;
  }
  return out;
}

/** An attribute of a received event, from its `ce_<attribute>` header or the header it replaced. */
function interscambioAttribute(
  event: Pick<CloudEvent, 'extensions' | 'headers'>,
  attribute: InterscambioAttribute,
): string | undefined {
  return event.extensions[attribute] ?? event.headers[INTERSCAMBIO_ATTRIBUTES[attribute]];
}

/** The record revision the event announces. */
export function eventRevision(event: Pick<CloudEvent, 'extensions' | 'headers'>): number | undefined {
  const revision = interscambioAttribute(event, 'revision');
  return revision === undefined ? undefined : Number(revision);
}

/** The visibility of the record type (pubblico, riservato, personale). */
export function eventVisibility(event: Pick<CloudEvent, 'extensions' | 'headers'>): string | undefined {
  return interscambioAttribute(event, 'visibility');
}

/** The correlation id of the request that caused the event. */
export function eventCorrelationId(event: Pick<CloudEvent, 'extensions' | 'headers'>): string | undefined {
  return interscambioAttribute(event, 'correlationid');
}
