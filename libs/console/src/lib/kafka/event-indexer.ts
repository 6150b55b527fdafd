import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { deadLetterTopic, TopicEnsurer } from '@interscambio/messaging';
import type { BusConsumer, MessageBus, ReceivedMessage } from '@interscambio/messaging';
import { ConsoleSettings } from '../console.settings';
import { indexMessage } from './event-index';

/** `interscambio-console` on the platform's topics; tests on topics of their own get a group of their own. */
const consoleGroup = (prefix: string): string => `${prefix}-console`;

/**
 * The console's own consumer group: reads every record topic and its `.dlq` from the beginning
 * into its schema, so that tracing a record or listing dead letters is a query, not a topic scan.
 * Started in the background and retried until Kafka answers, like the services' groups.
 */
@Injectable()
export class EventIndexer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EventIndexer');
  private consumer?: BusConsumer;
  private stopped = false;
  private starting?: Promise<void>;

  constructor(private readonly settings: ConsoleSettings) {}

  onApplicationBootstrap(): void {
    this.starting = this.startWhenKafkaAnswers();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.starting;
    await this.consumer?.close();
  }

  private async startWhenKafkaAnswers(): Promise<void> {
    for (let delay = 1000; !this.stopped; delay = Math.min(delay * 2, 30_000)) {
      try {
        return await this.start(this.settings.bus);
      } catch (error) {
        this.logger.warn(`not indexing yet, retrying in ${delay} ms: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
      }
    }
  }

  private async start(bus: MessageBus): Promise<void> {
    const records = this.settings.recordTopics();
    const topics = [...records, ...records.map(deadLetterTopic)];
    const ensurer = new TopicEnsurer(bus);
    await ensurer.ensure(topics).finally(() => ensurer.close());
    const consumer = await bus.consumer({
      groupId: consoleGroup(this.settings.topicPrefix),
      topics,
      fromBeginning: true,
    });
    this.consumer = consumer;
    if (this.stopped) return;
    await consumer.run((m) => this.handle(m));
  }

  private async handle(message: ReceivedMessage): Promise<void> {
    // PostgreSQL away: wait and retry the same message rather than commit past it unindexed.
    for (let delay = 200; ; delay = Math.min(delay * 2, 3000)) {
      try {
        return await indexMessage(this.settings.db.pool, this.settings.topicPrefix, message);
      } catch (error) {
        if (this.stopped) throw error;
        this.logger.warn(`indexing ${message.topic}@${message.offset} failed: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, delay));
        await message.heartbeat?.();
      }
    }
  }
}
