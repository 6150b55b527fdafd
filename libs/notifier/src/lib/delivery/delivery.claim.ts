import type { NotifierDatabase } from '../storage/notifier.database';
import { entitled, grantJoin, notRevoked } from './entitlement.sql';

/**
 * The claim: leases up to $1 due heads of their (subscription, record) queues, at most $4 minus
 * those in flight ($2 subscriptions, $3 counts) per subscription, for $5 ms, and returns in the
 * same statement what each needs to be sent: one row per leased delivery, or one row with a null
 * id if none; `parked` on every row.
 *
 * It reads O(active subscriptions + claimed) index entries, not every pending delivery: one probe
 * of delivery_subscription_due_index per active subscription finds those with due deliveries, and
 * each of them offers its earliest ones, an equal share of $1 (reading up to $4 from each read
 * 1,600 entries to lease 64 with 100 subscriptions). Of the earliest offered, each is its queue's
 * head unless an earlier delivery of the same record is still pending
 * (one probe of delivery_pending_index). A delivery found waiting behind another is parked until
 * that one's next attempt, and at least a lease, so later claims do not read it again; the delivery
 * before it releases it when it is done (RECORD_OUTCOMES). Only heads are leased, so a record's
 * order never depends on the parking: a release that raced the parking costs at most a lease of
 * waiting. The details are read from `leased`'s rows (a lease changes only next_attempt_at).
 */
export const claimSql = (db: NotifierDatabase): string => `with active as (
     select s.id, least($4 - coalesce(f.busy, 0), $1) as room
     from subscription s left join unnest($2::uuid[], $3::int[]) f(sid, busy) on f.sid = s.id
     where not s.paused and (s.expires_at is null or s.expires_at > now()) and coalesce(f.busy, 0) < $4),
   -- A lateral probe with a limit, not \`exists\`: with a backlog (80k due deliveries) the planner
   -- turned \`exists\` into a hash join over every due delivery, 120 ms a claim instead of 16.
   due as materialized (
     select a.id, a.room from active a cross join lateral (select from delivery d
       where d.subscription_id = a.id and d.status = 'pending' and d.next_attempt_at <= now() limit 1) probe),
   candidate as (
     select c.id, c.subscription_id, c.record, c.seq
     from due s cross join lateral (
       select d.id, d.subscription_id, d.record, d.next_attempt_at, d.seq from delivery d
       where d.subscription_id = s.id and d.status = 'pending' and d.next_attempt_at <= now()
       order by d.next_attempt_at, d.seq
       limit least(s.room, ceil($1::numeric / (select count(*) from due))::int)) c
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
     from chosen where d.id = chosen.id
     returning d.id, d.subscription_id, d.attempts, d.retry_until, d.event_position)
   select p.parked, x.* from (select count(*)::int as parked from parked) p
     left join (
       select d.id, d.subscription_id, d.attempts, d.retry_until, s.callback_url, s.secret,
         case when s.previous_secret_until > now() then s.previous_secret end as previous_secret,
         e.event, e.data, ${entitled} and ${notRevoked(db.table('revocation'))} as entitled, g.agreement_id, g.fields
       from leased d join record_event e on e.position = d.event_position
         join subscription s on s.id = d.subscription_id
         cross join lateral (select e.visibility, e.ente, e.type, e.theme) r
         ${grantJoin(db.table('agreement'))}) x on true`;
