import type { BusMessage, BusProducer, MessageBus, ReceivedMessage } from '../message-bus';
import { errorMessage } from '../messaging.errors';
import { TopicEnsurer } from '../topic-ensurer';

export interface DeadLetter {
  message: ReceivedMessage;
  error: unknown;
  attempts: number;
  consumerGroup: string;
}

/** `<topic>.dlq`, where the console finds failed messages and replays them. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

/** The original message (same key, value and headers) with why, when and where it failed. */
export function deadLetterMessage(d: DeadLetter, failedAt = new Date()): BusMessage {
  const headers: Record<string, string> = {
    ...d.message.headers,
    'interscambio-error': errorMessage(d.error).slice(0, 2000),
    'interscambio-error-class': d.error instanceof Error ? d.error.name : typeof d.error,
    'interscambio-attempts': String(d.attempts),
    'interscambio-failed-at': failedAt.toISOString(),
    'interscambio-consumer-group': d.consumerGroup,
    'interscambio-original-partition': String(d.message.partition),
    'interscambio-original-offset': d.message.offset,
  };
  const code = (d.error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') headers['interscambio-error-code'] = code;
  return { key: d.message.key, value: d.message.value, headers };
}

/** Sends dead letters, creating the `.dlq` topics on first use. */
export class DeadLetterQueue {
  private readonly topics: TopicEnsurer;
  private producer?: Promise<BusProducer>;

  constructor(private readonly bus: MessageBus) {
    this.topics = new TopicEnsurer(bus);
  }

  async send(d: DeadLetter): Promise<void> {
    const topic = deadLetterTopic(d.message.topic);
    await this.topics.ensure([topic]);
    this.producer ??= this.bus.producer();
    try {
      await (await this.producer).send(topic, [deadLetterMessage(d)]);
    } catch (error) {
      this.producer = undefined;
      this.topics.forget(topic);
      throw error;
    }
  }

  async close(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    if (producer) await (await producer).close();
    await this.topics.close();
  }
}
