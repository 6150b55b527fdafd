import { FAST_DELIVERY_ENV, NotifierHarness, until } from '../../../test/notifier-harness';
import { NotifierBuild } from '../../../test/notifier-process';
import type { NotifierProcess } from '../../../test/notifier-process';
import { WebhookReceiver } from '../../../test/webhook-receiver';

const READER = '082006';
const PUBLISHER = '082070';
// A build by tsc, two starts of a process and a consumer group that must notice a killed member
// (its 10 s session) take longer than Jest's default minute on a busy machine.
const LONG = 240_000;

describe('the notifier killed (SIGKILL) while it retries, then restarted', () => {
  let h: NotifierHarness;
  let build: NotifierBuild;
  let r: WebhookReceiver;
  const running: NotifierProcess[] = [];

  beforeAll(async () => {
    // A short request timeout keeps short the lease of a POST that was in flight at the kill.
    h = await NotifierHarness.start(
      'notifier_crash',
      { ...FAST_DELIVERY_ENV, NOTIFIER_REQUEST_TIMEOUT_MS: '1000' },
      false,
    );
    [build, r] = await Promise.all([NotifierBuild.compile(), WebhookReceiver.start()]);
  }, LONG);

  afterAll(async () => {
    for (const p of running) await p.kill();
    await r?.close();
    await h?.close();
    await build?.remove();
  });

  it(
    'makes every pending delivery after the restart, in order per record, with the same webhook-ids',
    async () => {
      const first = await build.start(h.env);
      running.push(first);
      const token = h.theme.issuer.token({ ente: READER, scopes: ['subscriptions'], audience: 'notifier' });
      const created = await fetch(`${first.origin}/notifier/v1/subscriptions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ types: ['avviso'], publishers: [PUBLISHER], callbackUrl: r.url }),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };

      r.up = false;
      for (const anno of [2001, 2002, 2003]) await h.put('avviso', PUBLISHER, 'crash', { anno });
      await h.put('avviso', PUBLISHER, 'crash-bis', { anno: 2004 });
      await until(async () => {
        const deliveries = await h.deliveries(id);
        return deliveries.length === 4 && deliveries.some((d) => d.attempts >= 2);
      }, 'the deliveries to be queued and retried');
      await first.kill();
      const refusedBeforeKill = new Set(r.received.map((w) => w.headers['webhook-id']));

      r.up = true;
      running.push(await build.start(h.env));
      await until(
        async () => (await h.deliveries(id)).every((d) => d.status === 'delivered'),
        'every delivery',
        60_000,
      );

      const ids = await h.eventIds(PUBLISHER, 'crash');
      const events = r.events();
      expect(events.filter((e) => e.subject === 'crash').map((e) => e.id)).toEqual(ids);
      expect(events).toHaveLength(4);
      const accepted = new Set(r.accepted.map((w) => w.headers['webhook-id']));
      expect(accepted.size).toBe(4);
      for (const webhookId of refusedBeforeKill) expect(accepted.has(webhookId)).toBe(true);
    },
    LONG,
  );
});
