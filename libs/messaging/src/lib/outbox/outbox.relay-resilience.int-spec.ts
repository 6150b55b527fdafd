import { eventually, forSuite, testKafkaBrokers, uniqueName } from '@interscambio/testing';

import { readTopic } from '../../../test/read-topic';
import { outboxDatabase, removeOutboxAndTopics, recordEvent } from '../../../test/outbox-fixture';

import { KafkajsBus } from '../kafkajs.bus';

import type { ReceivedMessage } from '../message-bus';
import { OutboxPublishError } from '../messaging.errors';

import type { OutboxEvent } from './outbox-event';
import { OutboxRelay } from './outbox.relay';

describe('OutboxRelay when Kafka is down and when replicas compete', () => {
  const bus = new KafkajsBus(testKafkaBrokers(), uniqueName('relay-test'));
  const topics = [uniqueName('interscambio.test.outage'), uniqueName('interscambio.test.replicas')];
  const log: string[] = [];
  const outbox = forSuite(() => outboxDatabase(), { stop: (o) => removeOutboxAndTopics(o, bus, topics) });

  /** `count` changes spread over `keys` records, numbered in the order they are appended. */
  const changes = (topic: string, keys: number, count: number, from = 0): OutboxEvent[] =>
    Array.from({ length: count }, (_, i) => recordEvent(topic, '082053', `pos-${(from + i) % keys}`, from + i));

  function expectEachOnceInOrderPerKey(messages: ReceivedMessage[], appended: OutboxEvent[]): void {
    const ids = messages.map((m) => m.headers['ce_id']);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(appended.map((e) => e.id).sort());
    for (const key of new Set(appended.map((e) => e.key))) {
      const order = messages.filter((m) => m.key === key).map((m) => JSON.parse(String(m.value)).n as number);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  }

  it('keeps rows pending while Kafka is unreachable, then publishes each once and in order per key', async () => {
    const [topic] = topics as [string];
    const appended = changes(topic, 4, 40);
    for (let i = 0; i < appended.length; i += 8) await outbox.append(appended.slice(i, i + 8));

    const deadBus = new KafkajsBus(['127.0.0.1:1'], uniqueName('dead'), {
      retries: 0,
      connectionTimeoutMs: 200,
      silent: true,
    });
    const down = new OutboxRelay({
      url: outbox.db.url,
      schema: outbox.db.schema,
      bus: deadBus,
      log: (m) => log.push(m),
    });
    await expect(down.publishPending()).rejects.toBeInstanceOf(OutboxPublishError);
    await expect(down.publishPending()).rejects.toBeInstanceOf(OutboxPublishError);
    await down.stop();
    expect(await outbox.pending()).toBe(40);
    const failed = await outbox.pool.query(
      `select min(attempts) as attempts, min(last_error) as error from "${outbox.db.schema}".outbox`,
    );
    expect(failed.rows[0]).toEqual({ attempts: 2, error: expect.stringMatching(/connect/i) });

    const up = new OutboxRelay({
      url: outbox.db.url,
      schema: outbox.db.schema,
      bus,
      batchSize: 15,
      log: (m) => log.push(m),
    });
    while ((await outbox.pending()) > 0) await up.publishPending();
    await up.stop();

    expectEachOnceInOrderPerKey(await readTopic(bus, topic), appended);
  });

  it('two relays on one database publish every row exactly once and in order per key', async () => {
    const [, topic] = topics as [string, string];
    const relays = [7, 5].map(
      (batchSize) =>
        new OutboxRelay({ url: outbox.db.url, schema: outbox.db.schema, bus, batchSize, log: (m) => log.push(m) }),
    );
    await Promise.all(relays.map((r) => r.start()));
    const appended: OutboxEvent[] = [];
    try {
      for (let tx = 0; tx < 30; tx++) {
        const batch = changes(topic, 10, 10, tx * 10);
        await outbox.append(batch);
        appended.push(...batch);
      }
      await eventually(async () => (await outbox.pending()) === 0);
    } finally {
      await Promise.all(relays.map((r) => r.stop()));
    }

    expectEachOnceInOrderPerKey(await readTopic(bus, topic), appended);
  });
});
