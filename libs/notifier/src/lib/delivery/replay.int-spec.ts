import { forSuite } from '@interscambio/testing';
import { NotifierHarness, until } from '../../../test/notifier-harness';
import { WebhookReceiver } from '../../../test/webhook-receiver';

const PUBLISHER = '082055';
const READER = '082006';

describe('replay from a feed cursor', () => {
  const h = forSuite(() => NotifierHarness.start('notifier_replay'));
  const r = forSuite(() => WebhookReceiver.start());

  it('re-sends exactly the events after the place in the theme feed a cursor names', async () => {
    const sub = await h.subscribe(READER, { types: ['avviso'], publishers: [PUBLISHER], callbackUrl: r.url });
    for (const key of ['c-1', 'c-2', 'c-3']) await h.put('avviso', PUBLISHER, key, { anno: 2024 });
    await until(() => r.accepted.length === 3, 'the first three deliveries');
    const first = r.events() as { id: string; subject?: string; feedcursor?: string }[];

    // The cursor the theme's feed hands out after its first change is the one its event carries.
    const feed = await h.theme.call(PUBLISHER, { method: 'GET', url: '/prova/v1/feed?limit=1' });
    const cursor = feed.json<{ next: string }>().next;
    expect(first.find((e) => e.subject === 'c-1')?.feedcursor).toBe(cursor);

    const replay = await h.call(READER, {
      method: 'POST',
      url: `/notifier/v1/subscriptions/${sub.id}/replay`,
      payload: { from: cursor },
    });
    expect(replay.statusCode).toBe(202);
    expect(replay.json()).toEqual({ queued: 2 });
    await until(() => r.accepted.length === 5, 'the replayed deliveries');
    const replayed = r.events().slice(3);
    expect(replayed.map((e) => e.subject).sort()).toEqual(['c-2', 'c-3']);
    expect(new Set(replayed.map((e) => e.id))).toEqual(
      new Set(first.filter((e) => e.subject !== 'c-1').map((e) => e.id)),
    );

    // From the last event's own cursor there is nothing after it.
    const last = first.find((e) => e.subject === 'c-3')?.feedcursor;
    const none = await h.call(READER, {
      method: 'POST',
      url: `/notifier/v1/subscriptions/${sub.id}/replay`,
      payload: { from: last, theme: 'prova' },
    });
    expect(none.json()).toEqual({ queued: 0 });
  });

  it('refuses a malformed cursor at /from, and a theme the subscription does not follow at /theme, in Italian or English', async () => {
    const sub = await h.subscribe(READER, { types: ['avviso'], callbackUrl: r.url });
    const ask = async (
      language: string,
      payload: object,
    ): Promise<{ status: number; body: Record<string, unknown> }> => {
      const answer = await h.call(READER, {
        method: 'POST',
        url: `/notifier/v1/subscriptions/${sub.id}/replay`,
        payload,
        headers: { 'accept-language': language },
      });
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      return { status: answer.statusCode, body: answer.json() };
    };
    const malformed = Buffer.from('t1:12.x').toString('base64url');
    const it = await ask('it', { from: malformed });
    expect(it.status).toBe(422);
    expect(it.body).toMatchObject({ code: 'replay-from-unknown', errors: [{ pointer: '/from' }] });
    expect(it.body['detail']).toContain('cursore del feed');
    const en = await ask('en', { from: malformed });
    expect(en.body['detail']).toContain("theme's feed cursor");

    const cursor = Buffer.from('t1:12.34').toString('base64url');
    const wrongTheme = await ask('en', { from: cursor, theme: 'tributi' });
    expect(wrongTheme.status).toBe(422);
    expect(wrongTheme.body).toMatchObject({ code: 'replay-theme', errors: [{ pointer: '/theme' }] });
  });
});
