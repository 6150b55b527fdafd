import { testKafkaBrokers, uniqueName } from '@interscambio/testing';
import { KafkajsBus } from '../kafkajs.bus';
import type { BusAdmin, BusConsumer } from '../message-bus';
import { consumerLag } from './consumer-lag';

describe('consumerLag, from the broker admin offsets', () => {
  const bus = new KafkajsBus(testKafkaBrokers(), uniqueName('lag-test'));
  const topic = uniqueName('interscambio.test.lag');
  const groupId = uniqueName('lag-group');
  let admin: BusAdmin;
  let consumer: BusConsumer | undefined;

  beforeAll(async () => {
    admin = await bus.admin();
    await admin.createTopics([{ name: topic, partitions: 3 }]);
  });

  afterAll(async () => {
    await consumer?.close();
    await admin.deleteTopics([topic]);
    await admin.close();
  });

  it('counts what a group has not committed: all of it before it reads, none once it has handled everything', async () => {
    const producer = await bus.producer();
    await producer.send(
      topic,
      Array.from({ length: 7 }, (_, i) => ({ key: `082053/k-${i}`, value: '{}' })),
    );
    await producer.close();
    expect(await consumerLag(admin, groupId, [topic])).toEqual(new Map([[topic, 7]]));

    let handled = 0;
    consumer = await bus.consumer({ groupId, topics: [topic], fromBeginning: true });
    void consumer.run(async () => void handled++);
    for (let i = 0; i < 150; i++) {
      if (handled === 7 && (await consumerLag(admin, groupId, [topic])).get(topic) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await consumerLag(admin, groupId, [topic])).toEqual(new Map([[topic, 0]]));
  });
});
