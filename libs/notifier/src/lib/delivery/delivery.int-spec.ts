import { agreementsHandled, agreementState } from '@interscambio/exchange/testing';
import { randomUUID } from 'node:crypto';
import { NotifierHarness, until } from '../../../test/notifier-harness';
import { WebhookReceiver } from '../../../test/webhook-receiver';
import type { ReceivedWebhook } from '../../../test/webhook-receiver';

const PUBLISHER = '082053';
const READER = '082006';
const STRANGER = '082001';

describe('webhook delivery of record changes', () => {
  let h: NotifierHarness;
  const receivers: WebhookReceiver[] = [];
  const receiver = async (): Promise<WebhookReceiver> => {
    const r = await WebhookReceiver.start();
    receivers.push(r);
    return r;
  };

  beforeAll(async () => {
    h = await NotifierHarness.start('notifier_delivery');
  });

  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await h?.close();
  });

  it('delivers one signed CloudEvent per matching subscription, and nothing to the others', async () => {
    const [all, filtered, otherType, otherPublisher] = [
      await receiver(),
      await receiver(),
      await receiver(),
      await receiver(),
    ];
    const subAll = await h.subscribe(READER, { types: ['avviso'], callbackUrl: all.url });
    const subFiltered = await h.subscribe(STRANGER, {
      types: ['avviso'],
      filter: { '/anno': { gte: 2030 } },
      callbackUrl: filtered.url,
    });
    const subOtherType = await h.subscribe(READER, { types: ['fascicolo'], callbackUrl: otherType.url });
    const subOtherPublisher = await h.subscribe(READER, {
      types: ['avviso'],
      publishers: ['082002'],
      callbackUrl: otherPublisher.url,
    });

    await h.put('avviso', PUBLISHER, 'a-1', { anno: 2024, nota: 'prima' });
    const [eventId] = await h.eventIds(PUBLISHER, 'a-1');
    await until(() => all.accepted.length === 1, 'the delivery');
    await h.consumed([eventId as string]);

    const webhook = all.accepted[0] as ReceivedWebhook;
    const verified = WebhookReceiver.verify(webhook, subAll.secret) as Record<string, unknown>;
    expect(verified).toMatchObject({
      specversion: '1.0',
      id: eventId,
      type: 'it.interscambio.prova.avviso.created',
      source: `/enti/${PUBLISHER}`,
      subject: 'a-1',
      revision: 1,
      visibility: 'pubblico',
      data: { anno: 2024, nota: 'prima' },
    });
    expect(webhook.headers['content-type']).toMatch(/^application\/cloudevents\+json/);
    expect(() => WebhookReceiver.verify(webhook, subFiltered.secret)).toThrow();
    for (const sub of [subFiltered, subOtherType, subOtherPublisher]) expect(await h.deliveries(sub.id)).toEqual([]);
    expect([filtered, otherType, otherPublisher].map((r) => r.received.length)).toEqual([0, 0, 0]);
  });

  it('delivers to a filtered subscription the change its filter matches, and once to each subscription', async () => {
    const [all, filtered] = [await receiver(), await receiver()];
    const subAll = await h.subscribe(READER, { types: ['avviso'], callbackUrl: all.url });
    const subFiltered = await h.subscribe(STRANGER, {
      types: ['avviso'],
      filter: { '/anno': { gte: 2030 } },
      callbackUrl: filtered.url,
    });

    await h.put('avviso', PUBLISHER, 'f-1', { anno: 2031, nota: 'futuro' });
    const [eventId] = await h.eventIds(PUBLISHER, 'f-1');
    await until(() => all.accepted.length === 1 && filtered.accepted.length === 1, 'both deliveries');
    await h.consumed([eventId as string]);

    const verified = WebhookReceiver.verify(filtered.accepted[0] as ReceivedWebhook, subFiltered.secret);
    expect(verified).toMatchObject({ id: eventId, subject: 'f-1', data: { anno: 2031, nota: 'futuro' } });
    // One delivery each (a webhook is marked delivered only after its answer, so the status may lag).
    for (const sub of [subAll, subFiltered])
      expect((await h.deliveries(sub.id)).map((d) => d.event_id)).toEqual([eventId]);
    expect([all.accepted.length, filtered.accepted.length]).toEqual([1, 1]);
  });

  it('calls a new subscription about the changes saved after it, not about one from before that arrives late', async () => {
    const r = await receiver();
    await h.put('avviso', PUBLISHER, 'p-1', { anno: 2024, nota: 'prima della sottoscrizione' });
    const [before] = await h.eventIds(PUBLISHER, 'p-1');
    await h.consumed([before as string]);
    const sub = await h.subscribe(READER, { types: ['avviso'], callbackUrl: r.url });
    // The change from before, reaching the notifier only now (as from a relay's backlog): its own id, its time.
    const late = randomUUID();
    await h.theme.sql.query(
      `insert into outbox (id, topic, key, headers, payload)
       select $2::uuid, topic, key, (headers - 'ce_feedcursor') || jsonb_build_object('ce_id', $2::text), payload
       from outbox where id = $1::uuid`,
      [before, late],
    );
    await h.put('avviso', PUBLISHER, 'p-1', { anno: 2024, nota: 'dopo' });
    const after = (await h.eventIds(PUBLISHER, 'p-1')).at(-1) as string;
    await h.consumed([late, after]);
    await until(() => r.accepted.length === 1, 'the delivery of the change after the subscription');

    expect((await h.deliveries(sub.id)).map((d) => d.event_id)).toEqual([after]);
    expect(WebhookReceiver.verify(r.accepted[0] as ReceivedWebhook, sub.secret)).toMatchObject({ id: after });
  });

  it('delivers a riservato record only through an active agreement, and nothing after its revocation', async () => {
    const [withAgreement, without] = [await receiver(), await receiver()];
    const sub = await h.subscribe(READER, { types: ['pratica'], callbackUrl: withAgreement.url });
    const unentitled = await h.subscribe(STRANGER, { types: ['pratica'], callbackUrl: without.url });
    const agreement = agreementState({ id: randomUUID(), consumer: READER, publisher: PUBLISHER, type: 'pratica' });
    await agreementsHandledByNotifier(h, [await h.agreements.publish(agreement)]);

    await h.put('pratica', PUBLISHER, 'p-1', { anno: 2025 });
    await until(() => withAgreement.accepted.length === 1, 'the riservato delivery');
    expect(WebhookReceiver.verify(withAgreement.accepted[0] as ReceivedWebhook, sub.secret)).toMatchObject({
      subject: 'p-1',
      data: { anno: 2025 },
    });

    const revoked = { ...agreement, status: 'revoked' as const, version: 2, changedAt: new Date().toISOString() };
    await agreementsHandledByNotifier(h, [await h.agreements.publish(revoked)]);
    await h.put('pratica', PUBLISHER, 'p-1', { anno: 2026 });
    await h.consumed(await h.eventIds(PUBLISHER, 'p-1'));

    expect((await h.deliveries(sub.id)).map((d) => d.status)).toEqual(['delivered']);
    expect(withAgreement.received).toHaveLength(1);
    expect(await h.deliveries(unentitled.id)).toEqual([]);
    expect(without.received).toHaveLength(0);
  });

  it('withholds, after a revocation, what was queued before it and not yet sent', async () => {
    const r = await receiver();
    const sub = await h.subscribe(READER, { types: ['pratica'], publishers: ['082056'], callbackUrl: r.url });
    const agreement = agreementState({ id: randomUUID(), consumer: READER, publisher: '082056', type: 'pratica' });
    await agreementsHandledByNotifier(h, [await h.agreements.publish(agreement)]);
    r.up = false;
    await h.put('pratica', '082056', 'in-coda', { anno: 2025 });
    await until(async () => (await h.deliveries(sub.id)).some((d) => d.attempts >= 1), 'a failed attempt');

    const revoked = { ...agreement, status: 'revoked' as const, version: 2, changedAt: new Date().toISOString() };
    await agreementsHandledByNotifier(h, [await h.agreements.publish(revoked)]);
    r.up = true;
    await until(async () => (await h.deliveries(sub.id))[0]?.status === 'withheld', 'the delivery to be withheld');
    expect(r.accepted).toHaveLength(0);
  });

  it('signs with the old and the new secret during a rotation’s grace period (both kept encrypted)', async () => {
    const r = await receiver();
    const sub = await h.subscribe(READER, { types: ['avviso'], publishers: ['082057'], callbackUrl: r.url });
    const rotated = await h.call(READER, {
      method: 'POST',
      url: `/notifier/v1/subscriptions/${sub.id}/secret`,
      payload: { graceSeconds: 600 },
    });
    const { secret } = rotated.json<{ secret: string }>();
    await h.put('avviso', '082057', 'ruotato', { anno: 2025 });
    await until(() => r.accepted.length === 1, 'the delivery after the rotation');
    const webhook = r.accepted[0] as ReceivedWebhook;
    expect(WebhookReceiver.verify(webhook, secret)).toMatchObject({ subject: 'ruotato' });
    expect(WebhookReceiver.verify(webhook, sub.secret)).toMatchObject({ subject: 'ruotato' });
  });

  it('delivers only the fields a personale agreement names', async () => {
    const r = await receiver();
    await h.subscribe(READER, { types: ['fascicolo'], callbackUrl: r.url });
    const agreement = agreementState({
      id: randomUUID(),
      consumer: READER,
      publisher: PUBLISHER,
      type: 'fascicolo',
      purpose: 'presa in carico congiunta',
      fields: ['/anno'],
    });
    await agreementsHandledByNotifier(h, [await h.agreements.publish(agreement)]);
    await h.put('fascicolo', PUBLISHER, 'f-1', { anno: 2024, nota: 'riservatissima' });
    await until(() => r.accepted.length === 1, 'the personale delivery');
    expect(r.events()[0]?.data).toEqual({ anno: 2024 });
  });

  it('keeps the order of one record and the webhook-id of each delivery while the receiver is down', async () => {
    const r = await receiver();
    const sub = await h.subscribe(READER, { types: ['avviso'], publishers: ['082054'], callbackUrl: r.url });
    r.up = false;
    for (const anno of [2001, 2002, 2003]) await h.put('avviso', '082054', 'ordine', { anno });
    await h.put('avviso', '082054', 'altro', { anno: 1999 });
    await until(async () => (await h.deliveries(sub.id)).some((d) => d.attempts >= 2), 'a retried delivery');
    r.up = true;
    await until(() => r.accepted.length === 4, 'every delivery once the receiver is back');

    const ids = await h.eventIds('082054', 'ordine');
    expect(
      r
        .events()
        .filter((e) => e.subject === 'ordine')
        .map((e) => e.id),
    ).toEqual(ids);
    expect(
      r
        .events()
        .filter((e) => e.subject === 'ordine')
        .map((e) => e.revision),
    ).toEqual([1, 2, 3]);
    const accepted = new Set(r.accepted.map((w) => w.headers['webhook-id']));
    expect(accepted.size).toBe(4);
    const refused = r.received.filter((w) => w.answered === 503);
    expect(refused.length).toBeGreaterThan(0);
    for (const w of refused) expect(accepted.has(w.headers['webhook-id'])).toBe(true);
    expect((await h.call(READER, { method: 'GET', url: `/notifier/v1/subscriptions/${sub.id}` })).json()).toMatchObject(
      {
        status: 'active',
        counters: { sent: 4, consecutiveFailures: 0 },
      },
    );
  });

  it('replays exactly the events after a received event, and after a time', async () => {
    const r = await receiver();
    const sub = await h.subscribe(READER, { types: ['avviso'], publishers: ['082055'], callbackUrl: r.url });
    for (const key of ['r-1', 'r-2', 'r-3']) await h.put('avviso', '082055', key, { anno: 2024 });
    await until(() => r.accepted.length === 3, 'the first three deliveries');
    // In the notifier's log order, which a replay from an event follows; the records' events come
    // from different partitions, so neither the writes' nor the deliveries' order need be the same.
    const first = await h.loggedOrder(r.events().map((e) => e.id));
    expect(first).toHaveLength(3);

    const replayFrom = (from: string) =>
      h.call(READER, { method: 'POST', url: `/notifier/v1/subscriptions/${sub.id}/replay`, payload: { from } });
    /** The ids of the events delivered from the `start`-th delivery on. */
    const idsDeliveredFrom = (start: number): Set<string> =>
      new Set(
        r
          .events()
          .slice(start)
          .map((e) => e.id),
      );
    const replay = await replayFrom(first[0] as string);
    expect(replay.statusCode).toBe(202);
    expect(replay.json()).toEqual({ queued: 2 });
    await until(() => r.accepted.length === 5, 'the replayed deliveries');
    expect(idsDeliveredFrom(3)).toEqual(new Set(first.slice(1)));

    const fromTime = await replayFrom('2000-01-01T00:00:00Z');
    expect(fromTime.json()).toEqual({ queued: 3 });
    await until(() => r.accepted.length === 8, 'the deliveries replayed from a time');
    expect(idsDeliveredFrom(5)).toEqual(new Set(first));
    const webhookIds = r.accepted.map((w) => w.headers['webhook-id']);
    expect(new Set(webhookIds).size).toBe(8);
  });
});

async function agreementsHandledByNotifier(h: NotifierHarness, ids: string[]): Promise<void> {
  await agreementsHandled(h.sql, ids);
}
