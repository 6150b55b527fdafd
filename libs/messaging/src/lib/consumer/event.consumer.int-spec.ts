import type { EntityManager } from '@mikro-orm/postgresql';

import { createProbeTable, Probe } from '@interscambio/persistence/testing';
import { eventually, testKafkaBrokers, uniqueName } from '@interscambio/testing';

import { readTopic } from '../../../test/read-topic';
import { messagingSchema, recordEvent } from '../../../test/outbox-fixture';
import type { MessagingSchema } from '../../../test/outbox-fixture';

import type { CloudEvent } from '../cloud-event/cloud-event';
import { toCloudEventMessage } from '../cloud-event/cloud-event.codec';

import { KafkajsBus } from '../kafkajs.bus';

import { ProcessedEvent } from '../processed-event.entity';

import { EventConsumer } from './event.consumer';

class PosizioneRifiutata extends Error {
  override name = 'PosizioneRifiutata';
}

describe('EventConsumer on the real Kafka broker', () => {
  const bus = new KafkajsBus(testKafkaBrokers(), uniqueName('consumer-test'));
  const topic = uniqueName('interscambio.test.consumer');
  const groupId = uniqueName('group');
  let schema: MessagingSchema;

  beforeAll(async () => {
    schema = await messagingSchema('consumer', [Probe]);
    await schema.orm.em.getConnection().execute(createProbeTable(schema.db.schema));
    const admin = await bus.admin();
    await admin.createTopics([{ name: topic, partitions: 1 }]);
    await admin.close();
  });

  afterAll(async () => {
    await schema.close();
    const admin = await bus.admin();
    const existing = await admin.listTopics();
    await admin.deleteTopics([topic, `${topic}.dlq`].filter((t) => existing.includes(t)));
    await admin.close();
  });

  it('handles each event once in its own transaction, dead-letters what keeps failing, and moves on', async () => {
    const first = recordEvent(topic, '082053', 'pos-1', 1);
    const failing = recordEvent(topic, '082053', 'pos-1', 2);
    const last = recordEvent(topic, '082053', 'pos-1', 3);
    const producer = await bus.producer();
    await producer.send(topic, [
      toCloudEventMessage(first),
      toCloudEventMessage(failing),
      { key: '082053/pos-1', value: '{"not":"a cloudevent"}', headers: { 'content-type': 'application/json' } },
      toCloudEventMessage(first),
      toCloudEventMessage(last),
    ]);
    await producer.close();

    const calls: string[] = [];
    const managers = new Set<EntityManager>();
    const consumer = new EventConsumer({
      bus,
      orm: schema.orm,
      groupId,
      topics: [topic],
      fromBeginning: true,
      maxAttempts: 3,
      backoffMs: 10,
      log: () => undefined,
      handler: async (event: CloudEvent, em: EntityManager) => {
        calls.push(event.id);
        managers.add(em);
        em.create(Probe, { id: event.id, n: (event.data as { n: number }).n });
        if (event.id === failing.id) throw new PosizioneRifiutata('importo negativo');
      },
    });
    await consumer.start();
    const handled = (): Promise<Probe[]> => schema.orm.em.fork().find(Probe, {}, { orderBy: { n: 'asc' } });
    try {
      await eventually(async () => (await handled()).length === 2);
    } finally {
      await consumer.stop();
    }

    expect((await handled()).map((h) => h.id)).toEqual([first.id, last.id]);
    expect(calls).toEqual([first.id, failing.id, failing.id, failing.id, last.id]);
    expect(managers.size).toBe(calls.length);
    expect(managers.has(schema.orm.em)).toBe(false);
    expect(await schema.orm.em.fork().count(ProcessedEvent, { consumerGroup: groupId })).toBe(2);

    const dead = await readTopic(bus, `${topic}.dlq`);
    expect(dead).toHaveLength(2);
    expect(dead[0]?.key).toBe('082053/pos-1');
    expect(dead[0]?.headers).toMatchObject({
      ...toCloudEventMessage(failing).headers,
      'interscambio-error': 'importo negativo',
      'interscambio-error-class': 'PosizioneRifiutata',
      'interscambio-attempts': '3',
      'interscambio-consumer-group': groupId,
      'interscambio-failed-at': expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(JSON.parse(String(dead[0]?.value))).toEqual(failing.data);
    expect(dead[1]?.headers).toMatchObject({
      'interscambio-error-class': 'InvalidCloudEventError',
      'interscambio-error-code': 'cloudevent-invalid',
      'interscambio-attempts': '1',
    });
    expect(String(dead[1]?.value)).toBe('{"not":"a cloudevent"}');
  });
});
