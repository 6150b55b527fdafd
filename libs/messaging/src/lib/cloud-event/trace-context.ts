import type { CloudEvent } from './cloud-event';

/** The CloudEvents distributed-tracing extension attribute: a W3C `traceparent` (`ce_traceparent` in binary mode). */
export const TRACEPARENT = 'traceparent';

// W3C Trace Context, version 00; all-zero ids are invalid.
const W3C_TRACEPARENT = /^00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;

/**
 * The trace context the event carries, for a consumer (or a webhook) to continue its producer's
 * trace; undefined when it has none or a malformed one, since a message may come from anyone.
 */
export function eventTraceparent(event: Pick<CloudEvent, 'extensions'>): string | undefined {
  const value = event.extensions[TRACEPARENT];
  return value !== undefined && W3C_TRACEPARENT.test(value) ? value : undefined;
}
