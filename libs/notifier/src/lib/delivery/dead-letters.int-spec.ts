import { forSuite } from '@interscambio/testing';
import { FAST_DELIVERY_ENV, NotifierHarness, until } from '../../../test/notifier-harness';
import { WebhookReceiver } from '../../../test/webhook-receiver';

const READER = '082006';
const BASE = '/notifier/v1/subscriptions';

describe('dead letters and self-pausing', () => {
  // A retry window of 1.5 s, and a pause after 12 failures in a row: the test's own schedule. The
  // window allows at most about 6 attempts (200 ms doubling to 800 ms), so the dead letter's
  // subscription never pauses itself, however slow the machine.
  const h = forSuite(() =>
    NotifierHarness.start('notifier_dead', {
      ...FAST_DELIVERY_ENV,
      NOTIFIER_RETRY_WINDOW_MS: '1500',
      NOTIFIER_PAUSE_AFTER_FAILURES: '12',
    }),
  );
  const r = forSuite(() => WebhookReceiver.start());

  it('turns a delivery whose retries ran out into a dead letter, listed and redeliverable', async () => {
    const sub = await h.subscribe(READER, { types: ['avviso'], publishers: ['082060'], callbackUrl: r.url });
    r.up = false;
    await h.put('avviso', '082060', 'morto', { anno: 2024 });
    await until(async () => (await h.deliveries(sub.id)).some((d) => d.status === 'dead'), 'a dead letter');
    const dead = await h.call(READER, { method: 'GET', url: `${BASE}/${sub.id}/deliveries?status=dead` });
    const [letter] = dead.json<{ items: { id: string; lastError: string; attempts: number }[] }>().items;
    expect(letter).toMatchObject({ lastError: 'answered 503' });
    expect(letter?.attempts).toBeGreaterThanOrEqual(2);

    r.up = true;
    const again = await h.call(READER, { method: 'POST', url: `${BASE}/${sub.id}/deliveries/${letter?.id}/redeliver` });
    expect(again.statusCode).toBe(202);
    await until(async () => (await h.deliveries(sub.id))[0]?.status === 'delivered', 'the redelivery');
    expect(r.accepted.filter((w) => w.headers['webhook-id'] === letter?.id)).toHaveLength(1);
    const unknown = await h.call(READER, {
      method: 'POST',
      url: `${BASE}/${sub.id}/deliveries/${letter?.id}/redeliver`,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('pauses a subscription after consecutive failures, keeps its deliveries, and sends them once resumed', async () => {
    const sub = await h.subscribe(READER, { types: ['avviso'], publishers: ['082061'], callbackUrl: r.url });
    r.up = false;
    // Queued while paused by its owner, then given a window long enough that nothing dies meanwhile.
    await h.call(READER, { method: 'PATCH', url: `${BASE}/${sub.id}`, payload: { status: 'paused' } });
    await h.put('avviso', '082061', 'pausa-1', { anno: 2024 });
    await h.put('avviso', '082061', 'pausa-2', { anno: 2024 });
    await until(async () => (await h.deliveries(sub.id)).length === 2, 'the deliveries to be queued');
    await h.sql.query(`update delivery set retry_until = now() + interval '1 hour' where subscription_id = $1`, [
      sub.id,
    ]);
    await h.call(READER, { method: 'PATCH', url: `${BASE}/${sub.id}`, payload: { status: 'active' } });
    await until(
      async () =>
        (await h.call(READER, { method: 'GET', url: `${BASE}/${sub.id}` })).json<{ status: string }>().status ===
        'paused',
      'the subscription to pause itself',
    );
    const paused = (await h.call(READER, { method: 'GET', url: `${BASE}/${sub.id}` })).json();
    expect(paused).toMatchObject({
      pausedReason: 'paused after 12 consecutive failures',
      counters: { consecutiveFailures: 12 },
    });
    expect((await h.deliveries(sub.id)).map((d) => d.status)).toEqual(['pending', 'pending']);

    r.up = true;
    await h.call(READER, { method: 'PATCH', url: `${BASE}/${sub.id}`, payload: { status: 'active' } });
    await until(async () => (await h.deliveries(sub.id)).every((d) => d.status === 'delivered'), 'the kept deliveries');
  });
});
