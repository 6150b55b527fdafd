import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { BusAdmin, BusConsumer, BusProducer, ConsumerOptions, MessageBus, ReceivedMessage } from './message-bus';

export interface KafkajsBusOptions {
  /** Retries of each request before it fails (default 8: about a minute of broker outage). */
  retries?: number;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** No log lines from the client itself; its errors still reach the caller. */
  silent?: boolean;
}

export class KafkajsBus implements MessageBus {
  private readonly kafka: Kafka;

  constructor(brokers: string[], clientId = 'interscambio', options: KafkajsBusOptions = {}) {
    this.kafka = new Kafka({
      clientId,
      brokers,
      logLevel: options.silent ? logLevel.NOTHING : logLevel.ERROR,
      retry: { retries: options.retries ?? 8 },
      connectionTimeout: options.connectionTimeoutMs,
      requestTimeout: options.requestTimeoutMs,
    });
  }

  async producer(): Promise<BusProducer> {
    // Idempotent producer with acks=all: a retried send never duplicates or reorders a record.
    const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    return {
      send: async (topic, messages) => {
        await producer.send({
          topic,
          acks: -1,
          messages: messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
        });
      },
      close: () => producer.disconnect(),
    };
  }

  async consumer(options: ConsumerOptions): Promise<BusConsumer> {
    // A 10 s session instead of kafkajs's 30 s: after a broker restart the group waits out the
    // session of the member it lost before it rebalances, so consumers (the agreements one, which
    // carries revocations) came back 25–28 s after the broker. Handlers that take long heartbeat.
    // kafkajs restarts a crashed consumer on a timer, and closing can itself crash it (a fetch cut
    // short): the crash handler then schedules the restart after disconnect() has cleared the timers,
    // and a closed consumer joins its group again (seen in CI as kafkajs requiring modules after the
    // test had ended). Once closed, it never restarts. 5 retries is kafkajs's consumer default.
    let closed = false;
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 10_000,
      heartbeatInterval: 3_000,
      retry: { retries: 5, restartOnFailure: () => Promise.resolve(!closed) },
    });
    const close = (): Promise<void> => {
      closed = true;
      return consumer.disconnect();
    };
    await consumer.connect();
    // A consumer that cannot subscribe (a topic the broker does not host yet) is closed before the
    // error goes up: its caller retries with a new one, and the old connection would stay open.
    await consumer
      .subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? false })
      .catch(async (error: unknown) => {
        await close().catch(() => undefined);
        throw error;
      });
    return {
      run: (handle) =>
        consumer.run({
          autoCommit: true,
          partitionsConsumedConcurrently: options.partitionsConcurrently ?? 1,
          eachMessage: ({ topic, partition, message, heartbeat }) =>
            handle({ ...received(topic, partition, message), heartbeat }),
        }),
      close,
    };
  }

  async admin(): Promise<BusAdmin> {
    const admin = this.kafka.admin();
    await admin.connect();
    return {
      createTopics: async (topics) => {
        await admin.createTopics({
          waitForLeaders: true,
          topics: topics.map((t) => ({
            topic: t.name,
            numPartitions: t.partitions ?? 1,
            configEntries: Object.entries(t.config ?? {}).map(([name, value]) => ({ name, value })),
          })),
        });
      },
      deleteTopics: (names) => admin.deleteTopics({ topics: names }),
      listTopics: () => admin.listTopics(),
      topicOffsets: async (topic) =>
        (await admin.fetchTopicOffsets(topic)).map((o) => ({ partition: o.partition, low: o.low, high: o.high })),
      groupOffsets: async (groupId, topics) =>
        (await admin.fetchOffsets({ groupId, topics })).flatMap(({ topic, partitions }) =>
          partitions.map((p) => ({ topic, partition: p.partition, offset: p.offset })),
        ),
      topicConfig: async (topic) => {
        const { resources } = await admin.describeConfigs({
          includeSynonyms: false,
          resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
        });
        return Object.fromEntries((resources[0]?.configEntries ?? []).map((e) => [e.configName, e.configValue]));
      },
      groupMembers: async (groupId) => {
        const { groups } = await admin.describeGroups([groupId]);
        return (groups[0]?.members ?? []).map((m) => ({ memberId: m.memberId, clientId: m.clientId }));
      },
      close: () => admin.disconnect(),
    };
  }
}

function received(topic: string, partition: number, message: KafkaMessage): ReceivedMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key ? message.key.toString() : null,
    value: message.value,
    headers: headersToStrings(message.headers),
  };
}

function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) out[name] = (Array.isArray(value) ? value[0] : value).toString();
  }
  return out;
}
