import { testKafkaBrokers, uniqueName } from '@interscambio/testing';
import { KafkajsBus } from './kafkajs.bus';
import type { BusAdmin, ReceivedMessage } from './message-bus';

describe('KafkajsBus on the real Kafka broker', () => {
  const bus = new KafkajsBus(testKafkaBrokers(), uniqueName('messaging-test'));
  const topic = uniqueName('interscambio.test.roundtrip');
  let admin: BusAdmin;

  beforeAll(async () => {
    admin = await bus.admin();
    await admin.createTopics([{ name: topic, partitions: 3 }]);
  });

  afterAll(async () => {
    await admin.deleteTopics([topic]);
    await admin.close();
  });

  it('lists the topic it created', async () => {
    expect(await admin.listTopics()).toContain(topic);
  });

  it('creates a topic with the configuration asked for, e.g. compacted for current states', async () => {
    const compacted = uniqueName('interscambio.test.compacted');
    await admin.createTopics([{ name: compacted, config: { 'cleanup.policy': 'compact' } }]);
    try {
      expect(await admin.topicConfig(compacted)).toMatchObject({ 'cleanup.policy': 'compact' });
      expect(await admin.topicConfig(topic)).toMatchObject({ 'cleanup.policy': 'delete' });
    } finally {
      await admin.deleteTopics([compacted]);
    }
  });

  it('delivers every produced message to a consumer group, with key, value, headers and per-key order', async () => {
    const producer = await bus.producer();
    const sent = Array.from({ length: 30 }, (_, i) => ({
      key: `082053/pos-${i % 5}`,
      value: JSON.stringify({ n: i }),
      headers: { ce_id: `evt-${i}` },
    }));
    await producer.send(topic, sent);
    await producer.close();

    const consumer = await bus.consumer({ groupId: uniqueName('group'), topics: [topic], fromBeginning: true });
    const received: ReceivedMessage[] = [];
    const all = new Promise<void>((resolve) => {
      void consumer.run(async (m) => {
        received.push(m);
        if (received.length === sent.length) resolve();
      });
    });
    await all;
    await consumer.close();

    expect(received.map((m) => m.headers['ce_id']).sort()).toEqual(sent.map((m) => m.headers.ce_id).sort());
    for (const key of new Set(sent.map((m) => m.key))) {
      const order = received.filter((m) => m.key === key).map((m) => JSON.parse(String(m.value)).n);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('closes a consumer that could not subscribe, leaving no connection behind for the caller that retries', async () => {
    const sockets = (): number => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;
    const impatient = new KafkajsBus(testKafkaBrokers(), uniqueName('messaging-test'), { retries: 0, silent: true });
    const before = sockets();
    const missing = uniqueName('interscambio.test.missing');
    await expect(impatient.consumer({ groupId: uniqueName('no-topic'), topics: [missing] })).rejects.toThrow(
      /does not host this topic/,
    );
    expect(sockets()).toBe(before);
  });
});
