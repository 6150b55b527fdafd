import { Injectable } from '@nestjs/common';
import type { Caller } from '@interscambio/access';
import { inTransaction } from '@interscambio/persistence';
import { NotifierSettings } from '../notifier.settings';
import { NotifierDatabase } from '../storage/notifier.database';
import { matchesFilter } from '../subscriptions/record-filter';
import { ReplayFromUnknownError } from '../subscriptions/subscription.errors';
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

  async replay(id: string, from: string, caller: Caller): Promise<{ queued: number }> {
    const subscription = await this.subscriptions.row(id, caller);
    const after = await this.startAfter(from);
    let queued = 0;
    for (let position = after.position; ;) {
      const { rows } = await this.db.pool.query<LoggedEvent>(
        `select position::text, theme, type, ente, key, operation, visibility, time, data from record_event
         where position > $1 and type = any($2) and ($4::timestamptz is null or time > $4)
         order by record_event.position limit $3`,
        [position, subscription.types, BATCH, after.time],
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

  /** Where to start: every event published after a time, or those logged after a received event. */
  private async startAfter(from: string): Promise<{ position: string; time: string | null }> {
    if (isTime(from)) return { position: '0', time: from };
    const { rows } = await this.db.pool.query<{ position: string }>(
      'select position::text from record_event where id = $1',
      [from],
    );
    if (!rows[0]) throw new ReplayFromUnknownError();
    return { position: rows[0].position, time: null };
  }
}
