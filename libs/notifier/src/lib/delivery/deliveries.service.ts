import { Injectable } from '@nestjs/common';
import type { Caller } from '@interscambio/access';
import { NotifierSettings } from '../notifier.settings';
import { NotifierDatabase } from '../storage/notifier.database';
import { DeliveryNotFoundError } from '../subscriptions/subscription.errors';
import { SubscriptionsService } from '../subscriptions/subscriptions.service';
import { DeliveryDispatcher } from './delivery.dispatcher';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'dead', 'withheld'] as const;

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  record: string;
  status: string;
  replay: boolean;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}

interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  record: string;
  status: string;
  replay: boolean;
  attempts: number;
  next_attempt_at: Date;
  last_status: number | null;
  last_error: string | null;
  created_at: Date;
  finished_at: Date | null;
}

const MAX_LIST = 200;

/** The deliveries of one of the caller's subscriptions: newest first, dead letters redeliverable. */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly db: NotifierDatabase,
    private readonly settings: NotifierSettings,
    private readonly subscriptions: SubscriptionsService,
    private readonly dispatcher: DeliveryDispatcher,
  ) {}

  async list(subscriptionId: string, status: string | undefined, caller: Caller): Promise<DeliveryView[]> {
    await this.subscriptions.row(subscriptionId, caller);
    const { rows } = await this.db.pool.query<DeliveryRow>(
      `select d.id, e.id as event_id, e.event->>'type' as event_type, d.record, d.status, d.replay, d.attempts,
         d.next_attempt_at, d.last_status, d.last_error, d.created_at, d.finished_at
       from delivery d join record_event e on e.position = d.event_position
       where d.subscription_id = $1 and ($2::text is null or d.status = $2) order by d.seq desc limit $3`,
      [subscriptionId, status ?? null, MAX_LIST],
    );
    return rows.map((r) => ({
      id: r.id,
      eventId: r.event_id,
      eventType: r.event_type,
      record: r.record,
      status: r.status,
      replay: r.replay,
      attempts: r.attempts,
      nextAttemptAt: r.status === 'pending' ? r.next_attempt_at.toISOString() : null,
      lastStatus: r.last_status,
      lastError: r.last_error,
      createdAt: r.created_at.toISOString(),
      finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
    }));
  }

  /** A dead letter goes back in its queue, due now, with its own webhook-id and a new retry window. */
  async redeliver(subscriptionId: string, deliveryId: string, caller: Caller): Promise<void> {
    await this.subscriptions.row(subscriptionId, caller);
    const { rowCount } = await this.db.pool.query(
      `update delivery set status = 'pending', next_attempt_at = now(), finished_at = null,
         retry_until = now() + $3 * interval '1 millisecond'
       where subscription_id = $1 and id::text = $2 and status = 'dead'`,
      [subscriptionId, deliveryId, this.settings.delivery.retryWindowMs],
    );
    if (!rowCount) throw new DeliveryNotFoundError();
    this.dispatcher.wake();
  }
}
