import { Injectable } from '@nestjs/common';
import type { Caller } from '@interscambio/access';
import { decodeFeedCursor } from '@interscambio/exchange';
import { inTransaction } from '@interscambio/persistence';
import { NotifierSettings } from '../notifier.settings';
import { NotifierDatabase } from '../storage/notifier.database';
import { matchesFilter } from '../subscriptions/record-filter';
import { ReplayFromUnknownError, ReplayThemeError } from '../subscriptions/subscription.errors';
import { SubscriptionsService } from '../subscriptions/subscriptions.service';
import { DeliveryDispatcher } from './delivery.dispatcher';
import { matchingSubscriptions, queue } from './fan-out';
import type { RecordEventFacts } from './record-event';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-](\d{2}):(\d{2}))$/i;

/** An RFC 3339 time PostgreSQL keeps as written (JavaScript would roll 30 February over to March). */
function isTime(text: string): boolean {
  const m = RFC3339.exec(text);
  if (!m) return false;
  const n = (i: number): number => Number(m[i] ?? 0);
  const days = new Date(Date.UTC(n(1), n(2), 0)).getUTCDate();
  const date = n(1) >= 1 && n(2) >= 1 && n(2) <= 12 && n(3) >= 1 && n(3) <= days;
  return date && n(4) < 24 && n(5) < 60 && n(6) < 60 && n(9) < 24 && n(10) < 60;
}

const BATCH = 500;

/** Where a replay starts: after a logged position, and after a time or a place in one theme's feed. */
interface Start {
  position: string;
  time: string | null;
  feed: { theme: string; tx: string; position: string } | null;
}

interface LoggedEvent extends RecordEventFacts {
  position: string;
  data: unknown;
}

/**
 * Queues again, as new deliveries, the logged events after `from` that the subscription would
 * receive today (its types, publishers, triggers and filter; what its owner may read now), in the
 * order they were first consumed.
 */
@Injectable()
export class ReplayService {
  constructor(
    private readonly db: NotifierDatabase,
    private readonly settings: NotifierSettings,
    private readonly subscriptions: SubscriptionsService,
    private readonly dispatcher: DeliveryDispatcher,
  ) {}

  async replay(id: string, request: { from: string; theme?: string }, caller: Caller): Promise<{ queued: number }> {
    const subscription = await this.subscriptions.row(id, caller);
    const after = await this.startAfter(request, subscription.types);
    let queued = 0;
    for (let position = after.position; ;) {
      const { rows } = await this.db.pool.query<LoggedEvent>(
        `select position::text, theme, type, ente, key, operation, visibility, time, data from record_event
         where position > $1 and type = any($2) and ($4::timestamptz is null or time > $4)
           and ($5::text is null or (theme = $5 and (feed_tx, feed_position) > ($6::bigint, $7::bigint)))
         order by record_event.position limit $3`,
        [position, subscription.types, BATCH, after.time, after.feed?.theme, after.feed?.tx, after.feed?.position],
      );
      if (rows.length === 0) break;
      position = (rows.at(-1) as LoggedEvent).position;
      queued += await inTransaction(this.db.pool, async (tx) => {
        let n = 0;
        for (const event of rows) {
          const [match] = await matchingSubscriptions(tx, this.db, event, id);
          if (!match || (match.filter && !matchesFilter(match.filter, event.data))) continue;
          await queue(tx, [id], event.position, event, this.settings.delivery.retryWindowMs, true);
          n++;
        }
        return n;
      });
    }
    if (queued > 0) this.dispatcher.wake();
    return { queued };
  }

  /**
   * Where to start: every event published after a time, those logged after a received event, or
   * those of one theme after a place in its feed (events logged before themes sent their feed
   * cursor have none, and are not replayed from one).
   */
  private async startAfter(request: { from: string; theme?: string }, types: string[]): Promise<Start> {
    const { from } = request;
    if (isTime(from)) return { position: '0', time: from, feed: null };
    const { rows } = await this.db.pool.query<{ position: string }>(
      'select position::text from record_event where id = $1',
      [from],
    );
    if (rows[0]) return { position: rows[0].position, time: null, feed: null };
    const place = feedPlace(from);
    const themes = [...new Set(types.map((type) => this.settings.themes.get(type) ?? ''))].filter(Boolean).sort();
    const theme = request.theme ?? (themes.length === 1 ? themes[0] : undefined);
    if (theme === undefined || !themes.includes(theme)) throw new ReplayThemeError(themes);
    return { position: '0', time: null, feed: { theme, tx: String(place.tx), position: String(place.position) } };
  }
}

/** A feed cursor's place, or the problem that `from` is none of the three things it may be. */
function feedPlace(from: string): { tx: bigint; position: bigint } {
  try {
    return decodeFeedCursor(from);
  } catch {
    // decodeFeedCursor's own problem speaks of the feed's `after`: here the field is /from.
    throw new ReplayFromUnknownError();
  }
}
