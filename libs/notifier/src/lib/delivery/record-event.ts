import { decodeFeedCursor } from '@interscambio/exchange';
import type { FeedPlace } from '@interscambio/exchange';
import { eventVisibility } from '@interscambio/messaging';
import type { CloudEvent } from '@interscambio/messaging';

/** What the notifier needs of a record event to decide who hears about it. */
export interface RecordEventFacts {
  theme: string;
  type: string;
  ente: string;
  key: string;
  /** created, updated or deleted: the last segment of the CloudEvent type. */
  operation: string;
  visibility: string;
  time: string;
  /** Its place in the theme's feed (ce_feedcursor); absent on events published before themes sent it. */
  feed?: FeedPlace;
}

const TYPE = /^it\.interscambio\.([a-z][a-z0-9-]*)\.([a-z][a-z0-9-]*)\.(created|updated|deleted)$/;

/** The facts of a record event, or an error naming what is missing (the event then goes to the DLQ). */
export function recordEventFacts(event: CloudEvent): RecordEventFacts {
  const type = TYPE.exec(event.type);
  if (!type) throw new Error(`event ${event.id}: type ${event.type} is not a record change`);
  const slash = event.key?.indexOf('/') ?? -1;
  if (!event.key || slash < 1) throw new Error(`event ${event.id}: the key is not <ente>/<key>`);
  const visibility = eventVisibility(event);
  if (visibility !== 'pubblico' && visibility !== 'riservato' && visibility !== 'personale')
    throw new Error(`event ${event.id}: no visibility`);
  return {
    theme: type[1] as string,
    type: type[2] as string,
    operation: type[3] as string,
    ente: event.key.slice(0, slash),
    key: event.key.slice(slash + 1),
    visibility,
    time: event.time ?? new Date().toISOString(),
    feed: feedPlaceOf(event),
  };
}

/**
 * The event's feed place. A cursor this notifier cannot read leaves the event without one (it is
 * still delivered; only a replay from a feed cursor will not find it): delivery matters more.
 */
function feedPlaceOf(event: CloudEvent): FeedPlace | undefined {
  const cursor = event.extensions['feedcursor'];
  if (cursor === undefined || cursor === '') return undefined;
  try {
    return decodeFeedCursor(cursor);
  } catch {
    return undefined;
  }
}
