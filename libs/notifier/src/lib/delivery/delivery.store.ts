import { Injectable } from '@nestjs/common';
import { minimised } from '@interscambio/exchange';
import { toStructuredCloudEvent } from '@interscambio/messaging';
import { prepared } from '@interscambio/persistence';
import type { CloudEvent } from '@interscambio/messaging';
import type { PreparedStatement } from '@interscambio/persistence';
import { NotifierSettings } from '../notifier.settings';
import { NotifierDatabase } from '../storage/notifier.database';
import { claimSql } from './delivery.claim';
import type { DueDelivery } from './due-delivery';
import { outcomeValues, RECORD_OUTCOMES } from './delivery.outcomes';
import type { Outcome } from './delivery.outcomes';

/** What a claim leased, and how many deliveries it found waiting behind their record's head. */
export interface Claim {
  deliveries: DueDelivery[];
  parked: number;
}

/** A leased delivery, or (id null) the one row of a claim that leased nothing; `parked` on every row. */
interface DueRow {
  parked: number;
  id: string | null;
  subscription_id: string;
  attempts: number;
  retry_until: Date;
  callback_url: string;
  secret: string;
  previous_secret: string | null;
  event: Omit<CloudEvent, 'data'>;
  data: unknown;
  entitled: boolean;
  agreement_id: string | null;
  fields: string[] | null;
}

/** The delivery outbox in PostgreSQL: claims, outcomes and the counters of their subscriptions. */
@Injectable()
export class DeliveryStore {
  /** The claim, which returns what each leased delivery needs to be sent (one round trip). */
  private readonly claimSql: PreparedStatement;

  constructor(
    private readonly db: NotifierDatabase,
    private readonly settings: NotifierSettings,
  ) {
    this.claimSql = prepared(claimSql(db));
  }

  /**
   * Leases up to `limit` due heads of their (subscription, record) queues, at most `perSubscription`
   * minus those in flight per subscription, on active, unexpired subscriptions (see claimSql).
   */
  async claim(limit: number, perSubscription: number, inFlight: Map<string, number>, leaseMs: number): Promise<Claim> {
    const { rows } = await this.db.pool.query<DueRow>(this.claimSql, [
      limit,
      [...inFlight.keys()],
      [...inFlight.values()],
      perSubscription,
      leaseMs,
    ]);
    const parked = rows[0]?.parked ?? 0;
    const deliveries = rows.flatMap((row) => (row.id === null ? [] : [this.dueDelivery({ ...row, id: row.id })]));
    return { deliveries, parked };
  }

  /** Records a batch of outcomes in one statement (see RECORD_OUTCOMES). */
  async record(outcomes: Outcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    await this.db.pool.query(RECORD_OUTCOMES, outcomeValues(outcomes, this.settings.delivery));
  }

  private dueDelivery(row: DueRow & { id: string }): DueDelivery {
    return {
      id: row.id,
      subscriptionId: row.subscription_id,
      attempts: row.attempts,
      retryUntil: row.retry_until,
      callbackUrl: row.callback_url,
      secrets: {
        secret: this.settings.secrets.decrypt(row.secret, row.subscription_id),
        previous: row.previous_secret && this.settings.secrets.decrypt(row.previous_secret, row.subscription_id),
      },
      entitled: row.entitled,
      // An agreement that names fields lets its consumer see only those (personale minimisation).
      cloudEvent: toStructuredCloudEvent(
        { ...row.event, data: null },
        row.agreement_id && row.fields && row.data !== null ? minimised(row.data, row.fields) : row.data,
      ),
    };
  }
}
