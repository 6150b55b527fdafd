import { eventually, forSuite, testKafkaBrokers, uniqueName } from '@interscambio/testing';

import { readTopic } from '../../../test/read-topic';
import { outboxDatabase, removeOutboxAndTopics, recordEvent } from '../../../test/outbox-fixture';

import { KafkajsBus } from '../kafkajs.bus';

import { appendOutbox } from './append-outbox';

import { ChangeSignal, changeChannel } from '@interscambio/persistence';

import { OutboxRelay } from './outbox.relay';

describe('OutboxRelay publishing to the real Kafka broker', () => {
  const bus = new KafkajsBus(testKafkaBrokers(), uniqueName('relay-test'));
  const topics: string[] = [];
  const log: string[] = [];
  const outbox = forSuite(() => outboxDatabase(), { stop: (o) => removeOutboxAndTopics(o, bus, topics) });

  const newTopic = (): string => {
    topics.push(uniqueName('interscambio.test.relay'));
    return topics[topics.length - 1] as string;
  };
  const sentAt = async (id: string): Promise<unknown> =>
    (await outbox.pool.query(`select sent_at from "${outbox.db.schema}".outbox where id = $1`, [id])).rows[0]?.sent_at;

  it('publishes a committed event once, as a binary-mode CloudEvent, and nothing of a rolled-back one', async () => {
    const topic = newTopic();
    const committed = recordEvent(topic, '082053', 'pos-1', 1);
    const rolledBack = recordEvent(topic, '082053', 'pos-2', 1);
    const client = await outbox.pool.connect();
    await client.query('begin');
    await appendOutbox(client, outbox.db.schema, [rolledBack]);
    await client.query('rollback');
    client.release();
    await outbox.append([committed]);

    const relay = new OutboxRelay({ url: outbox.db.url, schema: outbox.db.schema, bus, log: (m) => log.push(m) });
    expect(await relay.publishPending()).toBe(1);
    expect(await relay.publishPending()).toBe(0);
    await relay.stop();

    const messages = await readTopic(bus, topic);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.key).toBe('082053/pos-1');
    expect(messages[0]?.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: committed.id,
      ce_source: '/enti/082053',
      ce_type: committed.type,
      ce_subject: 'pos-1',
      ce_time: committed.time,
      ce_dataschema: committed.dataschema,
      'content-type': 'application/json',
      ce_visibility: 'riservato',
    });
    expect(JSON.parse(String(messages[0]?.value))).toEqual({ codice: 'pos-1', n: 1 });
    expect(await sentAt(committed.id)).toBeInstanceOf(Date);
  });

  it('publishes a deleted record as a tombstone: null value, CloudEvent headers, no content-type', async () => {
    const topic = newTopic();
    const deleted = {
      ...recordEvent(topic, '082053', 'pos-9', 2),
      type: 'it.interscambio.tributi.posizione-debitoria.deleted',
      data: null,
    };
    await outbox.append([deleted]);
    const relay = new OutboxRelay({ url: outbox.db.url, schema: outbox.db.schema, bus, log: (m) => log.push(m) });
    expect(await relay.publishPending()).toBe(1);
    await relay.stop();

    const [message] = await readTopic(bus, topic);
    expect(message?.value).toBeNull();
    expect(message?.headers['ce_type']).toBe(deleted.type);
    expect(message?.headers['content-type']).toBeUndefined();
  });

  it("wakes on another process's commit through the coalesced NOTIFY, also after its listening connection was killed", async () => {
    const topic = newTopic();
    const signal = (): ChangeSignal =>
      new ChangeSignal({ url: outbox.db.url, pool: outbox.pool, schema: outbox.db.schema, log: (m) => log.push(m) });
    // The relay's process and a writer's process, which announces its commits only through NOTIFY.
    const [relaySignal, writer] = [signal(), signal()];
    const relay = new OutboxRelay({
      url: outbox.db.url,
      schema: outbox.db.schema,
      bus,
      signal: relaySignal,
      pollIntervalMs: 600_000,
      log: (m) => log.push(m),
    });
    await relay.start();
    await relaySignal.ready();
    const listening = `listen "${changeChannel(outbox.db.schema)}"`;
    const listenerPids = async (): Promise<number[]> =>
      (await outbox.pool.query('select pid from pg_stat_activity where query = $1', [listening])).rows.map(
        (r) => r.pid as number,
      );
    try {
      const first = recordEvent(topic, '082053', 'pos-1', 1);
      await outbox.append([first]);
      writer.committed();
      await eventually(async () => (await sentAt(first.id)) !== null);

      const [killed] = await listenerPids();
      await outbox.pool.query('select pg_terminate_backend($1)', [killed]);
      await eventually(async () => (await listenerPids()).some((pid) => pid !== killed));
      const second = recordEvent(topic, '082053', 'pos-1', 2);
      await outbox.append([second]);
      writer.committed();
      await eventually(async () => (await sentAt(second.id)) !== null);
    } finally {
      await relay.stop();
      await Promise.all([relaySignal.close(), writer.close()]);
    }
    expect((await readTopic(bus, topic)).map((m) => JSON.parse(String(m.value)).n)).toEqual([1, 2]);
    expect(log.some((m) => m.includes('reconnecting'))).toBe(true);
  });
});
