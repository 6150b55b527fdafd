import { Injectable } from '@nestjs/common';
import { minimised } from '@interscambio/exchange';
import { toStructuredCloudEvent } from '@interscambio/messaging';
import type { CloudEvent } from '@interscambio/messaging';
import { NotifierSettings } from '../notifier.settings';
import { NotifierDatabase } from '../storage/notifier.database';
import { retryDelayMs } from './backoff';
import { entitled, grantJoin, notRevoked } from './entitlement.sql';
import type { SigningSecrets } from './webhook.signer';

/** A claimed delivery with all it needs to be sent. */
export interface DueDelivery {
  id: string;
  subscriptionId: string;
  attempts: number;
  retryUntil: Date;
  callbackUrl: string;
  secrets: SigningSecrets;
  /** The owner may still read the record (an agreement, client or ente revoked since it was queued: false). */
  entitled: boolean;
  cloudEvent: Record<string, unknown>;
}

interface DueRow {
  id: string;
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
  constructor(
    private readonly db: NotifierDatabase,
    private readonly settings: NotifierSettings,
  ) {}

  /**
   * Leases up to `limit` due heads of their (subscription, record) queues, at most `perSubscription`
   * minus those in flight per subscription, on active, unexpired subscriptions.
   */
  async claim(
    limit: number,
    perSubscription: number,
    inFlight: Map<string, number>,
    leaseMs: number,
  ): Promise<DueDelivery[]> {
    const { rows: claimed } = await this.db.pool.query<{ id: string }>(
      `with heads as (
         select distinct on (d.subscription_id, d.record) d.id, d.subscription_id, d.next_attempt_at, d.seq
         from delivery d where d.status = 'pending'
         order by d.subscription_id, d.record, d.seq),
       due as (
         select h.id, row_number() over (partition by h.subscription_id order by h.next_attempt_at, h.seq) as n,
           coalesce(f.busy, 0) as busy, h.next_attempt_at
         from heads h join subscription s on s.id = h.subscription_id
           left join unnest($2::uuid[], $3::int[]) f(sid, busy) on f.sid = h.subscription_id
         where h.next_attempt_at <= now() and not s.paused and (s.expires_at is null or s.expires_at > now())),
       chosen as (
         select d.id from delivery d join due on due.id = d.id
         where due.n <= $4 - due.busy and d.status = 'pending'
         order by due.next_attempt_at limit $1
         for update of d skip locked)
       update delivery d set next_attempt_at = now() + $5 * interval '1 millisecond'
       from chosen where d.id = chosen.id returning d.id`,
      [limit, [...inFlight.keys()], [...inFlight.values()], perSubscription, leaseMs],
    );
    if (claimed.length === 0) return [];
    const { rows } = await this.db.pool.query<DueRow>(
      `select d.id, d.subscription_id, d.attempts, d.retry_until, s.callback_url, s.secret,
         case when s.previous_secret_until > now() then s.previous_secret end as previous_secret,
         e.event, e.data, ${entitled} and ${notRevoked(this.db.table('revocation'))} as entitled, g.agreement_id, g.fields
       from delivery d join record_event e on e.position = d.event_position
         join subscription s on s.id = d.subscription_id
         cross join lateral (select e.visibility, e.ente, e.type, e.theme) r
         ${grantJoin(this.db.table('agreement'))}
       where d.id = any($1::uuid[])`,
      [claimed.map((c) => c.id)],
    );
    return rows.map((row) => ({
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
    }));
  }

  async delivered(delivery: DueDelivery, status: number): Promise<void> {
    await this.db.pool.query(
      `with done as (
         update delivery set status = 'delivered', attempts = attempts + 1, last_status = $2, finished_at = now()
         where id = $1 and status = 'pending' returning subscription_id)
       update subscription s set sent = sent + 1, consecutive_failures = 0, last_success_at = now()
       from done where s.id = done.subscription_id`,
      [delivery.id, status],
    );
  }

  /** Another retry later, or a dead letter once the window is over; the subscription pauses after too many in a row. */
  async failed(delivery: DueDelivery, reason: string, status: number | null): Promise<void> {
    const { retryBaseMs, retryMaxDelayMs, pauseAfterFailures } = this.settings.delivery;
    const next = new Date(Date.now() + retryDelayMs(delivery.attempts + 1, retryBaseMs, retryMaxDelayMs));
    const dead = next > delivery.retryUntil;
    await this.db.pool.query(
      `with done as (
         update delivery set attempts = attempts + 1, last_error = $2, last_status = $3, next_attempt_at = $4,
           status = case when $5 then 'dead' else 'pending' end, finished_at = case when $5 then now() end
         where id = $1 and status = 'pending' returning subscription_id)
       update subscription s set failed = failed + 1, consecutive_failures = consecutive_failures + 1,
         last_failure_at = now(), last_failure_reason = $2,
         paused = paused or consecutive_failures + 1 >= $6,
         paused_reason = case when not paused and consecutive_failures + 1 >= $6
           then 'paused after ' || $6 || ' consecutive failures' else paused_reason end
       from done where s.id = done.subscription_id`,
      [delivery.id, reason.slice(0, 500), status, next, dead, pauseAfterFailures],
    );
  }

  /** Not sent, and said so: the owner may no longer read the record. */
  async withhold(id: string): Promise<void> {
    await this.db.pool.query(
      `update delivery set status = 'withheld', finished_at = now(),
         last_error = 'not sent: the owner may no longer read this record (agreement revoked or suspended)'
       where id = $1 and status = 'pending'`,
      [id],
    );
  }
}
