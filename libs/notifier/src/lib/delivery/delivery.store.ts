import { Injectable } from '@nestjs/common';
import { minimised } from '@interscambio/exchange';
import { toStructuredCloudEvent } from '@interscambio/messaging';
import { prepared } from '@interscambio/persistence';
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

/** What a claim leased, and how many deliveries it found waiting behind their record's head. */
export interface Claim {
  deliveries: DueDelivery[];
  parked: number;
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

/**
 * A CTE for a statement whose CTE `done` finished a delivery: the next one of its record, parked by
 * a claim while it waited, is due now (a delivery with attempts keeps its backoff). The subquery
 * reads the statement's snapshot, in which `done` is still pending: hence `p.id <> f.id`.
 */
const DONE_RELEASES_NEXT = `released as (
         update delivery n set next_attempt_at = now()
         from (select p.id from delivery p join done f on p.subscription_id = f.subscription_id and p.record = f.record
               where f.status <> 'pending' and p.status = 'pending' and p.id <> f.id order by p.seq limit 1) s
         where n.id = s.id and n.attempts = 0 and n.next_attempt_at > now())`;

/** The delivery outbox in PostgreSQL: claims, outcomes and the counters of their subscriptions. */
@Injectable()
export class DeliveryStore {
  /** What a claimed delivery needs to be sent; prepared, like the outcomes below, as every POST runs them. */
  private readonly dueSql: string;

  constructor(
    private readonly db: NotifierDatabase,
    private readonly settings: NotifierSettings,
  ) {
    this.dueSql = `select d.id, d.subscription_id, d.attempts, d.retry_until, s.callback_url, s.secret,
         case when s.previous_secret_until > now() then s.previous_secret end as previous_secret,
         e.event, e.data, ${entitled} and ${notRevoked(db.table('revocation'))} as entitled, g.agreement_id, g.fields
       from delivery d join record_event e on e.position = d.event_position
         join subscription s on s.id = d.subscription_id
         cross join lateral (select e.visibility, e.ente, e.type, e.theme) r
         ${grantJoin(db.table('agreement'))}
       where d.id = any($1::uuid[])`;
  }

  /**
   * Leases up to `limit` due heads of their (subscription, record) queues, at most `perSubscription`
   * minus those in flight per subscription, on active, unexpired subscriptions.
   *
   * It reads O(active subscriptions + claimed) index entries, not every pending delivery (a claim
   * runs after each POST): per subscription, its earliest due deliveries from
   * delivery_subscription_due_index; of the earliest overall, each is its queue's head unless an
   * earlier delivery of the same record is still pending (one probe of delivery_pending_index).
   * A delivery found waiting behind another is parked until that one's next attempt, and at
   * least a lease, so later claims do not read it again; the delivery before it releases it when
   * it is done (DONE_RELEASES_NEXT). Only heads are leased, so a record's order never depends on
   * the parking: a release that raced the parking costs at most a lease of waiting.
   */
  async claim(limit: number, perSubscription: number, inFlight: Map<string, number>, leaseMs: number): Promise<Claim> {
    const { rows: claims } = await this.db.pool.query<{ ids: string[]; parked: number }>({
      // Prepared once per connection: planning this statement costs more than running it.
      name: 'notifier-claim',
      text: `with candidate as (
         select c.id, c.subscription_id, c.record, c.seq
         from subscription s
           left join unnest($2::uuid[], $3::int[]) f(sid, busy) on f.sid = s.id
           cross join lateral (
             select d.id, d.subscription_id, d.record, d.next_attempt_at, d.seq from delivery d
             where d.subscription_id = s.id and d.status = 'pending' and d.next_attempt_at <= now()
             order by d.next_attempt_at, d.seq limit least($4 - coalesce(f.busy, 0), $1)) c
         where not s.paused and (s.expires_at is null or s.expires_at > now()) and coalesce(f.busy, 0) < $4
         order by c.next_attempt_at, c.seq limit $1),
       judged as (
         select c.id, (select p.next_attempt_at from delivery p
             where p.subscription_id = c.subscription_id and p.record = c.record and p.status = 'pending'
               and p.seq < c.seq order by p.seq limit 1) as behind_until
         from candidate c),
       chosen as (
         select d.id from delivery d join judged j on j.id = d.id
         where j.behind_until is null and d.status = 'pending' and d.next_attempt_at <= now()
         for update of d skip locked),
       -- Skipping locked rows here too: two replicas parking the same deliveries would deadlock.
       waiting as (
         select d.id, j.behind_until from delivery d join judged j on j.id = d.id
         where j.behind_until is not null and d.status = 'pending'
         for update of d skip locked),
       parked as (
         update delivery d set next_attempt_at = greatest(w.behind_until, now() + $5 * interval '1 millisecond')
         from waiting w where d.id = w.id returning 1),
       leased as (
         update delivery d set next_attempt_at = now() + $5 * interval '1 millisecond'
         from chosen where d.id = chosen.id returning d.id)
       select coalesce((select array_agg(id::text) from leased), '{}') as ids,
         (select count(*)::int from parked) as parked`,
      values: [limit, [...inFlight.keys()], [...inFlight.values()], perSubscription, leaseMs],
    });
    const claimed = claims[0]?.ids ?? [];
    const parked = claims[0]?.parked ?? 0;
    if (claimed.length === 0) return { deliveries: [], parked };
    const { rows } = await this.db.pool.query<DueRow>(prepared(this.dueSql), [claimed]);
    const deliveries = rows.map((row) => ({
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
    return { deliveries, parked };
  }

  async delivered(delivery: DueDelivery, status: number): Promise<void> {
    await this.db.pool.query(
      prepared(`with done as (
         update delivery set status = 'delivered', attempts = attempts + 1, last_status = $2, finished_at = now()
         where id = $1 and status = 'pending' returning id, subscription_id, record, status),
       ${DONE_RELEASES_NEXT}
       update subscription s set sent = sent + 1, consecutive_failures = 0, last_success_at = now()
       from done where s.id = done.subscription_id`),
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
         where id = $1 and status = 'pending' returning id, subscription_id, record, status),
       ${DONE_RELEASES_NEXT}
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
      `with done as (
         update delivery set status = 'withheld', finished_at = now(),
           last_error = 'not sent: the owner may no longer read this record (agreement revoked or suspended)'
         where id = $1 and status = 'pending' returning id, subscription_id, record, status),
       ${DONE_RELEASES_NEXT}
       select 1`,
      [id],
    );
  }
}
