import { prepared } from '@interscambio/persistence';
import type { PreparedStatement } from '@interscambio/persistence';
import { retryDelayMs } from './backoff';
import type { DueDelivery } from './due-delivery';

/** How one claimed delivery ended on this attempt. */
export type Outcome =
  | { kind: 'delivered'; delivery: DueDelivery; status: number }
  | { kind: 'failed'; delivery: DueDelivery; status: number | null; reason: string }
  | { kind: 'withheld'; delivery: DueDelivery };

const WITHHELD = 'not sent: the owner may no longer read this record (agreement revoked or suspended)';

/** Whether a subscription's failures in a batch (counted in `t`, see below) reach the pause threshold $7. */
const PAUSES = `((t.leading > 0 and s.consecutive_failures + t.leading >= $7) or t.later_streak >= $7)`;

/**
 * Records a batch of outcomes, in the order their POSTs finished, in ONE statement: each delivery
 * is marked (delivered, withheld, dead, or pending again with its backoff), the next delivery of a
 * record whose delivery is done is released (it was parked behind it), and each subscription's
 * counters change as if its outcomes had been recorded one by one: `sent`/`failed` add up, the
 * failure streak restarts at each success, and the subscription pauses if any streak in the batch
 * reached the threshold. Rows are locked in a fixed order (deliveries, then subscriptions, each by
 * id), so two replicas recording batches at once cannot deadlock. A delivery no longer pending (a
 * lease that ran out and another replica's outcome) is left as it is and counts nowhere.
 */
export const RECORD_OUTCOMES: PreparedStatement = prepared(`with outcome as materialized (
    select * from unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::timestamptz[], $6::boolean[])
      with ordinality o(id, kind, status, reason, next_at, dead, ord)),
  locked as materialized (
    select d.id from delivery d where d.id in (select id from outcome) and d.status = 'pending'
    order by d.id for no key update of d),
  done as (
    update delivery d set
      status = case when o.kind <> 'failed' then o.kind when o.dead then 'dead' else 'pending' end,
      attempts = d.attempts + case when o.kind = 'withheld' then 0 else 1 end,
      last_status = case when o.kind = 'withheld' then d.last_status else o.status end,
      last_error = case o.kind when 'failed' then o.reason when 'withheld' then '${WITHHELD}' else d.last_error end,
      next_attempt_at = case when o.kind = 'failed' then o.next_at else d.next_attempt_at end,
      finished_at = case when o.kind = 'failed' and not o.dead then null else now() end
    from outcome o join locked l on l.id = o.id
    where d.id = o.id and d.status = 'pending'
    returning d.id, d.subscription_id, d.record, d.status, o.kind, o.reason, o.ord),
  -- The next delivery of each record with a finished one, parked while it waited, is due now (one
  -- with attempts keeps its backoff). The statement's snapshot still shows the batch as pending:
  -- skip what it finished, and release nothing if the next one is in the batch (a row may be
  -- updated only once per statement).
  released as (
    update delivery n set next_attempt_at = now()
    from (select distinct subscription_id, record from done where status <> 'pending') f
      cross join lateral (select p.id from delivery p
        where p.subscription_id = f.subscription_id and p.record = f.record and p.status = 'pending'
          and not exists (select from done t where t.id = p.id and t.status <> 'pending')
        order by p.seq limit 1) s
    where n.id = s.id and not exists (select from done t where t.id = s.id)
      and n.attempts = 0 and n.next_attempt_at > now()),
  -- Per subscription, its outcomes split into runs at each success: run 0 holds the failures before
  -- the first success (they extend the subscription's streak), run k the k-th success and the
  -- failures after it (a new streak).
  attempt as (
    select subscription_id, kind, reason, ord,
      count(*) filter (where kind = 'delivered') over (partition by subscription_id order by ord) as run
    from done where kind <> 'withheld'),
  streak as (
    select subscription_id, run,
      count(*) filter (where kind = 'delivered') as sent, count(*) filter (where kind = 'failed') as failures,
      (array_agg(reason order by ord desc) filter (where kind = 'failed'))[1] as reason
    from attempt group by subscription_id, run),
  t as (
    select subscription_id, sum(sent)::int as sent, sum(failures)::int as failed, max(run) as runs,
      coalesce(sum(failures) filter (where run = 0), 0)::int as leading,
      coalesce(max(failures) filter (where run > 0), 0)::int as later_streak,
      (array_agg(failures order by run desc))[1]::int as trailing,
      (array_agg(reason order by run desc) filter (where reason is not null))[1] as reason
    from streak group by subscription_id),
  locked_subscription as materialized (
    select s.id from subscription s where s.id in (select subscription_id from t) order by s.id for no key update of s)
  update subscription s set sent = s.sent + t.sent, failed = s.failed + t.failed,
    consecutive_failures = case when t.runs > 0 then t.trailing else s.consecutive_failures + t.failed end,
    last_success_at = case when t.sent > 0 then now() else s.last_success_at end,
    last_failure_at = case when t.failed > 0 then now() else s.last_failure_at end,
    last_failure_reason = coalesce(t.reason, s.last_failure_reason),
    paused = s.paused or ${PAUSES},
    paused_reason = case when not s.paused and ${PAUSES}
      then 'paused after ' || $7 || ' consecutive failures' else s.paused_reason end
  from t join locked_subscription l on l.id = t.subscription_id
  where s.id = t.subscription_id`);

/** The statement's parameters: a failed delivery's next attempt, or its death once the retry window is over. */
export function outcomeValues(
  outcomes: Outcome[],
  delivery: { retryBaseMs: number; retryMaxDelayMs: number; pauseAfterFailures: number },
  now = Date.now(),
): unknown[] {
  const columns = { ids: [] as string[], kinds: [] as string[], statuses: [] as (number | null)[] };
  const reasons: (string | null)[] = [];
  const nexts: (Date | null)[] = [];
  const deads: boolean[] = [];
  for (const outcome of outcomes) {
    columns.ids.push(outcome.delivery.id);
    columns.kinds.push(outcome.kind);
    columns.statuses.push(outcome.kind === 'withheld' ? null : outcome.status);
    if (outcome.kind === 'failed') {
      const { attempts, retryUntil } = outcome.delivery;
      const next = new Date(now + retryDelayMs(attempts + 1, delivery.retryBaseMs, delivery.retryMaxDelayMs));
      reasons.push(outcome.reason.slice(0, 500));
      nexts.push(next);
      deads.push(next > retryUntil);
    } else {
      reasons.push(null);
      nexts.push(null);
      deads.push(false);
    }
  }
  return [columns.ids, columns.kinds, columns.statuses, reasons, nexts, deads, delivery.pauseAfterFailures];
}
