import { REVOCATIONS_TOPIC_CONFIG, revocationEvent, revocationsTopic } from '@interscambio/access';
import type { RevocationState } from '@interscambio/access';
import { KafkajsBus, toCloudEventMessage, TopicEnsurer } from '@interscambio/messaging';
import type { BusProducer } from '@interscambio/messaging';
import { forSuite, testKafkaBrokers, uniqueName } from '@interscambio/testing';
import { NotifierHarness, until } from '../../../test/notifier-harness';
import { WebhookReceiver } from '../../../test/webhook-receiver';

const PUBLISHER = '082053';
const REVOKED_ENTE = '082006';
const OTHER_ENTE = '082001';

describe('revocations from the registry’s topic, honoured by the notifier', () => {
  const h = forSuite(() => NotifierHarness.start('notifier_revocations'));
  let producer: BusProducer;
  let topicPrefix: string;
  const receivers: WebhookReceiver[] = [];

  beforeAll(async () => {
    topicPrefix = h.env['KAFKA_TOPIC_PREFIX'] as string;
    const bus = new KafkajsBus(testKafkaBrokers(), uniqueName('notifier-revocations-test'), { silent: true });
    const topics = new TopicEnsurer(bus);
    await topics.ensure([revocationsTopic(topicPrefix)], REVOCATIONS_TOPIC_CONFIG);
    await topics.close();
    producer = await bus.producer();
  });

  afterAll(async () => {
    await producer?.close();
    await Promise.all(receivers.map((r) => r.close()));
  });

  const revoke = (state: Omit<RevocationState, 'revoked' | 'since' | 'version'>): Promise<void> =>
    producer.send(revocationsTopic(topicPrefix), [
      toCloudEventMessage(
        revocationEvent({ ...state, revoked: true, since: new Date().toISOString(), version: Date.now() }, topicPrefix),
      ),
    ]);

  it('refuses a revoked client’s tokens and delivers nothing more to its subscriptions, the others still', async () => {
    const [revoked, other] = [await WebhookReceiver.start(), await WebhookReceiver.start()];
    receivers.push(revoked, other);
    const sub = await h.subscribe(REVOKED_ENTE, { types: ['avviso'], callbackUrl: revoked.url });
    await h.subscribe(OTHER_ENTE, { types: ['avviso'], callbackUrl: other.url });
    await h.put('avviso', PUBLISHER, 'r-1', { anno: 2025 });
    await until(() => revoked.accepted.length === 1 && other.accepted.length === 1, 'the first deliveries');

    // The test issuer's tokens name the client `test-<ente>`.
    await revoke({ kind: 'client', subject: `test-${REVOKED_ENTE}`, clientId: `test-${REVOKED_ENTE}` });
    await until(async () => {
      const answer = await h.call(REVOKED_ENTE, { method: 'GET', url: `/notifier/v1/subscriptions/${sub.id}` });
      return answer.statusCode === 401;
    }, 'the revoked client’s token to be refused');

    await h.put('avviso', PUBLISHER, 'r-2', { anno: 2026 });
    await until(() => other.accepted.length === 2, 'the other subscription’s second delivery');
    expect((await h.deliveries(sub.id)).map((d) => d.status)).toEqual(['delivered']);
    expect(revoked.received).toHaveLength(1);
  });

  it('delivers nothing more to the subscriptions of a disabled ente', async () => {
    const r = await WebhookReceiver.start();
    receivers.push(r);
    const sub = await h.subscribe(OTHER_ENTE, { types: ['avviso'], callbackUrl: r.url });
    await revoke({ kind: 'ente', subject: OTHER_ENTE, clientId: null });
    await until(async () => {
      const answer = await h.call(OTHER_ENTE, { method: 'GET', url: `/notifier/v1/subscriptions/${sub.id}` });
      return answer.statusCode === 401;
    }, 'the disabled ente’s token to be refused');

    await h.put('avviso', PUBLISHER, 'r-3', { anno: 2027 });
    await h.consumed(await h.eventIds(PUBLISHER, 'r-3'));
    expect(await h.deliveries(sub.id)).toEqual([]);
    expect(r.received).toHaveLength(0);
  });
});
