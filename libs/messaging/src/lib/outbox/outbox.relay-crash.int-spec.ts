import type { MikroORM } from '@mikro-orm/postgresql';
import { openOrm } from '@interscambio/persistence';
import { createProbeTable, Probe } from '@interscambio/persistence/testing';

import { eventually, forSuite, testKafkaBrokers, uniqueName } from '@interscambio/testing';

import { readTopic } from '../../../test/read-topic';
import { outboxDatabase, removeOutboxAndTopics, recordEvent } from '../../../test/outbox-fixture';

import { EventConsumer } from '../consumer/event.consumer';

import { KafkajsBus } from '../kafkajs.bus';

import type { BusMessage, MessageBus } from '../message-bus';
import { ProcessedEvent } from '../processed-event.entity';

import { relayApplicationName } from './outbox.names';

import { OutboxRelay } from './outbox.relay';

/** The real bus, with `afterAck` run once right after Kafka acknowledged a send (before the relay can mark it). */
function withAfterAck(bus: MessageBus, afterAck: (messages: BusMessage[]) => Promise<void>): MessageBus {
  let done = false;
  return {
    admin: () => bus.admin(),
    consumer: (options) => bus.consumer(options),
    producer: async () => {
      const producer = await bus.producer();
      return {
        close: () => producer.close(),
        send: async (topic, messages) => {
          await producer.send(topic, messages);
          if (done) return;
          done = true;
          await afterAck(messages);
        },
      };
    },
  };
}

describe('OutboxRelay between the ack and the mark', () => {
  const bus = new KafkajsBus(testKafkaBrokers(), uniqueName('relay-crash'));
  const topics: string[] = [];
  const log: string[] = [];
  const outbox = forSuite(() => outboxDatabase(), { stop: (o) => removeOutboxAndTopics(o, bus, topics) });
  const relayBackend = async (): Promise<{ pid: number; state: string; xid: string | null }[]> =>
    (
      await outbox.pool.query(
        `select pid, state, backend_xid::text as xid from pg_stat_activity where application_name = $1`,
        [relayApplicationName(outbox.db.schema)],
      )
    ).rows;
  const newTopic = (): string => {
    topics.push(uniqueName('interscambio.test.crash'));
    return topics.at(-1) as string;
  };

  it('holds no transaction open while Kafka acknowledges', async () => {
    const topic = newTopic();
    await outbox.append([recordEvent(topic, '082053', 'pos-1', 1)]);
    const seen: { state: string; xid: string | null }[] = [];
    const relay = new OutboxRelay({
      url: outbox.db.url,
      schema: outbox.db.schema,
      bus: withAfterAck(bus, async () => void seen.push(...(await relayBackend()))),
      log: (m) => log.push(m),
    });
    expect(await relay.publishPending()).toBe(1);
    await relay.stop();
    expect(seen).toEqual([{ pid: expect.any(Number), state: 'idle', xid: null }]);
  });

  it('sends the rows again under the same CloudEvent id after losing its connection, and a consumer handles each once', async () => {
    const topic = newTopic();
    const appended = Array.from({ length: 6 }, (_, n) => recordEvent(topic, '082053', `pos-${n % 2}`, n));
    await outbox.append(appended);
    // The relay's database session dies once Kafka has the rows and before they are marked sent,
    // as when its process is killed there: the rows stay pending.
    const crash = async (): Promise<void> => {
      await outbox.pool.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [
        relayApplicationName(outbox.db.schema),
      ]);
    };
    const relay = new OutboxRelay({
      url: outbox.db.url,
      schema: outbox.db.schema,
      bus: withAfterAck(bus, crash),
      pollIntervalMs: 50,
      log: (m) => log.push(m),
    });
    await relay.start();
    await eventually(async () => (await outbox.pending()) === 0);
    await relay.stop();

    const messages = await readTopic(bus, topic);
    const ids = messages.map((m) => m.headers['ce_id']);
    expect(ids).toHaveLength(12);
    expect(new Set(ids)).toEqual(new Set(appended.map((e) => e.id)));
    for (const key of ['082053/pos-0', '082053/pos-1']) {
      const order = messages.filter((m) => m.key === key).map((m) => JSON.parse(String(m.value)).n as number);
      // Each key's revisions in order, the whole run once more after the crash.
      expect(order).toEqual(key.endsWith('0') ? [0, 2, 4, 0, 2, 4] : [1, 3, 5, 1, 3, 5]);
    }

    const orm: MikroORM = await openOrm({
      url: outbox.db.url,
      schema: outbox.db.schema,
      entities: [ProcessedEvent, Probe],
      migrations: [],
    });
    await orm.em.getConnection().execute(createProbeTable(outbox.db.schema));
    const handled: string[] = [];
    let delivered = 0;
    const counting: MessageBus = {
      ...bus,
      admin: () => bus.admin(),
      producer: () => bus.producer(),
      consumer: async (options) => {
        const inner = await bus.consumer(options);
        return {
          close: () => inner.close(),
          run: (handle) => inner.run(async (m) => (await handle(m), void delivered++)),
        };
      },
    };
    const consumer = new EventConsumer({
      bus: counting,
      orm,
      groupId: uniqueName('crash-consumer'),
      topics: [topic],
      fromBeginning: true,
      handler: async (event, em) => {
        handled.push(event.id);
        em.persist(em.create(Probe, { id: event.id, n: (event.data as { n: number }).n }));
      },
      log: (m) => log.push(m),
    });
    await consumer.start();
    try {
      await eventually(async () => delivered === 12);
    } finally {
      await consumer.stop();
      await orm.close();
    }
    expect(handled.sort()).toEqual(appended.map((e) => e.id).sort());
  });
});
