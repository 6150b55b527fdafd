import { FAST_DELIVERY_ENV, NotifierHarness, until } from '../../../test/notifier-harness';
import type { Outcome } from './delivery.outcomes';
import { DeliveryStore } from './delivery.store';
import type { DueDelivery } from './due-delivery';

const READER = '082006';
/** One publisher per subscription, so that no test's records reach another's subscription. */
const PUBLISHERS = ['082071', '082072', '082073', '082074', '082075', '082076', '082077'];

interface DeliveryRow {
  id: string;
  record: string;
  status: string;
  attempts: number;
  last_error: string | null;
  last_status: number | null;
  due_now: boolean;
}

interface Counters {
  sent: string;
  failed: string;
  consecutive_failures: number;
  last_failure_reason: string | null;
  paused: boolean;
  paused_reason: string | null;
}

/**
 * The store's batches of outcomes, recorded for deliveries of subscriptions the dispatcher leaves
 * alone, so each batch is exactly the one the test gives.
 */
describe('recording a batch of delivery outcomes in one statement', () => {
  let h: NotifierHarness;
  let store: DeliveryStore;

  beforeAll(async () => {
    h = await NotifierHarness.start('notifier_outcomes', { ...FAST_DELIVERY_ENV, NOTIFIER_PAUSE_AFTER_FAILURES: '3' });
    store = (h.notifier as NonNullable<typeof h.notifier>).get(DeliveryStore);
  });

  afterAll(async () => {
    await h?.close();
  });

  /** A subscription with one queued delivery per key given (in that order), which no claim takes. */
  const queued = async (keys: string[]): Promise<{ subscription: string; deliveries: DueDelivery[] }> => {
    const publisher = PUBLISHERS.shift() as string;
    const { id } = await h.subscribe(READER, {
      types: ['avviso'],
      publishers: [publisher],
      callbackUrl: 'http://127.0.0.1:9/',
    });
    // Paused by its owner, the subscription gets its deliveries queued and none claimed.
    await h.call(READER, { method: 'PATCH', url: `/notifier/v1/subscriptions/${id}`, payload: { status: 'paused' } });
    for (const [i, key] of keys.entries()) await h.put('avviso', publisher, key, { anno: 2000 + i });
    await until(async () => (await h.deliveries(id)).length === keys.length, 'the deliveries to be queued');
    // Then active again but expired: still never claimed, and free to pause itself.
    await h.sql.query(
      `update subscription set paused = false, paused_reason = null, expires_at = now() - interval '1 second'
       where id = $1`,
      [id],
    );
    const { rows } = await h.sql.query<{ id: string; attempts: number; retry_until: Date }>(
      'select id::text, attempts, retry_until from delivery where subscription_id = $1 order by seq',
      [id],
    );
    const deliveries = rows.map((r) => ({
      id: r.id,
      subscriptionId: id,
      attempts: r.attempts,
      retryUntil: r.retry_until,
      callbackUrl: 'http://127.0.0.1:9/',
      secrets: { secret: 'unused', previous: null },
      entitled: true,
      cloudEvent: {},
    }));
    return { subscription: id, deliveries };
  };
  const rowsOf = async (subscription: string): Promise<DeliveryRow[]> =>
    (
      await h.sql.query<DeliveryRow>(
        `select id::text, record, status, attempts, last_error, last_status, next_attempt_at <= now() as due_now
         from delivery where subscription_id = $1 order by seq`,
        [subscription],
      )
    ).rows;
  const countersOf = async (subscription: string): Promise<Counters> =>
    (
      await h.sql.query<Counters>(
        `select sent::text, failed::text, consecutive_failures, last_failure_reason, paused, paused_reason
         from subscription where id = $1`,
        [subscription],
      )
    ).rows[0] as Counters;
  const nth = (deliveries: DueDelivery[], i: number): DueDelivery => deliveries[i] as DueDelivery;
  const delivered = (delivery: DueDelivery): Outcome => ({ kind: 'delivered', delivery, status: 204 });
  const failed = (delivery: DueDelivery, reason: string): Outcome => ({
    kind: 'failed',
    delivery,
    status: 503,
    reason,
  });

  it('marks the deliveries that succeeded and retries those that failed, counting each subscription once per outcome', async () => {
    const a = await queued(['ok-1', 'ko-1', 'ko-2']);
    const b = await queued(['ko-3', 'ok-2']);
    const [a1, a2, a3] = a.deliveries as [DueDelivery, DueDelivery, DueDelivery];
    const [b1, b2] = b.deliveries as [DueDelivery, DueDelivery];

    await store.record([
      delivered(a1),
      failed(b1, 'answered 503'),
      failed(a2, 'first'),
      delivered(b2),
      failed(a3, 'second'),
    ]);

    expect((await rowsOf(a.subscription)).map((d) => [d.status, d.attempts, d.last_status, d.last_error])).toEqual([
      ['delivered', 1, 204, null],
      ['pending', 1, 503, 'first'],
      ['pending', 1, 503, 'second'],
    ]);
    // A failed delivery waits for its backoff.
    expect((await rowsOf(a.subscription)).map((d) => d.due_now)).toEqual([true, false, false]);
    expect(await countersOf(a.subscription)).toMatchObject({
      sent: '1',
      failed: '2',
      consecutive_failures: 2,
      last_failure_reason: 'second',
      paused: false,
    });
    // b's failure came before its success: the streak ends at 0.
    expect(await countersOf(b.subscription)).toMatchObject({ sent: '1', failed: '1', consecutive_failures: 0 });
  });

  it('pauses a subscription when a streak of failures within a batch, or carried over from the last, reaches the threshold', async () => {
    const { subscription, deliveries: d } = await queued(['p-1', 'p-2', 'p-3', 'p-4', 'p-5', 'p-6']);

    // Streaks of 2 and 1 (the success between them restarts it): below the threshold of 3.
    await store.record([failed(nth(d, 0), 'x'), failed(nth(d, 1), 'x'), delivered(nth(d, 2)), failed(nth(d, 3), 'x')]);
    expect(await countersOf(subscription)).toMatchObject({ consecutive_failures: 1, paused: false });

    // The streak of 1 carried over, and 2 more: 3 in a row.
    await store.record([failed(nth(d, 4), 'x'), failed(nth(d, 5), 'last')]);
    expect(await countersOf(subscription)).toMatchObject({
      consecutive_failures: 3,
      failed: '5',
      last_failure_reason: 'last',
      paused: true,
      paused_reason: 'paused after 3 consecutive failures',
    });
  });

  it('keeps the order of two outcomes of one record in a batch, and releases the delivery after them', async () => {
    const { subscription, deliveries: d } = await queued(['stesso', 'stesso', 'stesso', 'stesso', 'stesso']);
    // As a claim parks what waits behind its record's head.
    const park = (ids: string[]) =>
      h.sql.query(`update delivery set next_attempt_at = now() + interval '1 hour' where id = any($1)`, [ids]);
    await park(d.slice(2).map((x) => x.id));

    await store.record([delivered(nth(d, 0)), delivered(nth(d, 1))]);
    expect((await rowsOf(subscription)).map((x) => [x.status, x.due_now])).toEqual([
      ['delivered', true],
      ['delivered', true],
      ['pending', true],
      ['pending', false],
      ['pending', false],
    ]);

    // The head delivered and the next one failed in the same batch: the one after them stays parked.
    await park([nth(d, 2).id]);
    await store.record([delivered(nth(d, 2)), failed(nth(d, 3), 'answered 503')]);
    const rows = await rowsOf(subscription);
    expect(rows.map((x) => [x.status, x.attempts])).toEqual([
      ['delivered', 1],
      ['delivered', 1],
      ['delivered', 1],
      ['pending', 1],
      ['pending', 0],
    ]);
    // The failed one waits for its backoff, the last one behind it.
    expect(rows.slice(3).map((x) => x.due_now)).toEqual([false, false]);
  });

  it('leaves a delivery no longer pending as it is, and counts its outcome nowhere', async () => {
    const a = await queued(['due-volte']);
    const [d1] = a.deliveries as [DueDelivery];
    await store.record([delivered(d1)]);
    await store.record([failed(d1, 'a late outcome'), { kind: 'withheld', delivery: d1 }]);
    expect((await rowsOf(a.subscription)).map((d) => [d.status, d.attempts, d.last_error])).toEqual([
      ['delivered', 1, null],
    ]);
    expect(await countersOf(a.subscription)).toMatchObject({ sent: '1', failed: '0', consecutive_failures: 0 });
  });

  it('withholds in a batch without counting a failure', async () => {
    const a = await queued(['trattenuto', 'consegnato']);
    const [d1, d2] = a.deliveries as [DueDelivery, DueDelivery];
    await store.record([{ kind: 'withheld', delivery: d1 }, delivered(d2)]);
    expect((await rowsOf(a.subscription)).map((d) => [d.status, d.attempts])).toEqual([
      ['withheld', 0],
      ['delivered', 1],
    ]);
    expect(await countersOf(a.subscription)).toMatchObject({ sent: '1', failed: '0' });
  });
});
