import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { AGREEMENTS_TOPIC_CONFIG, agreementsTopic } from '@interscambio/access';
import { EventConsumer, TopicEnsurer } from '@interscambio/messaging';
import type { CloudEvent, MessageBus } from '@interscambio/messaging';
import { NotifierSettings } from '../notifier.settings';
import { NotifierDatabase } from '../storage/notifier.database';
import { projectAgreement } from './agreements.projection';
import { DeliveryDispatcher } from './delivery.dispatcher';
import { fanOut } from './fan-out';

export const MESSAGE_BUS = Symbol('NOTIFIER_MESSAGE_BUS');

interface Declared {
  name: string;
  topics: string[];
  topicConfig?: Record<string, string>;
  handle: (event: CloudEvent) => Promise<void>;
}

/**
 * The notifier's two consumer groups — every theme's agreements, every record topic — started in
 * the background until Kafka answers (the API serves meanwhile), each from the beginning the first
 * time, so events published before the notifier first ran are in its log for replays.
 */
@Injectable()
export class NotifierConsumersLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('NotifierConsumers');
  private readonly declared: Declared[];
  private consumers: EventConsumer[] = [];
  private stopped = false;
  private starting?: Promise<void>;
  private wakeStarter?: () => void;

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly db: NotifierDatabase,
    private readonly settings: NotifierSettings,
    private readonly dispatcher: DeliveryDispatcher,
  ) {
    this.declared = [
      {
        name: 'agreements',
        topics: [agreementsTopic(settings.topicPrefix)],
        topicConfig: { ...AGREEMENTS_TOPIC_CONFIG },
        handle: (event) => projectAgreement(event, db),
      },
      {
        name: 'deliveries',
        topics: settings.recordTopics(),
        handle: async (event) => {
          if ((await fanOut(event, db, settings)) > 0) this.dispatcher.wake();
        },
      },
    ];
  }

  onApplicationBootstrap(): void {
    this.starting = this.startWhenKafkaAnswers();
  }

  private async startWhenKafkaAnswers(): Promise<void> {
    for (let delay = 1000; !this.stopped; delay = Math.min(delay * 2, 30_000)) {
      try {
        return await this.startAll();
      } catch (error) {
        this.logger.warn(`consumers not started, retrying in ${delay} ms: ${(error as Error).message}`);
        await new Promise<void>((resolve) => {
          this.wakeStarter = resolve;
          setTimeout(resolve, delay).unref();
        });
      }
    }
  }

  private async startAll(): Promise<void> {
    const ensurer = new TopicEnsurer(this.bus);
    try {
      for (const declared of this.declared.slice(this.consumers.length)) {
        await ensurer.ensure(declared.topics, declared.topicConfig);
        const consumer = new EventConsumer({
          bus: this.bus,
          orm: this.db.orm,
          groupId: `${this.settings.topicPrefix}.notifier.${declared.name}`,
          topics: declared.topics,
          handler: (event) => declared.handle(event),
          fromBeginning: true,
          log: (m) => this.logger.warn(m),
        });
        await consumer.start();
        this.consumers.push(consumer);
        if (this.stopped) return await this.stopAll();
      }
    } finally {
      await ensurer.close();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wakeStarter?.();
    await this.starting;
    await this.stopAll();
  }

  private async stopAll(): Promise<void> {
    await Promise.all(this.consumers.splice(0).map((c) => c.stop()));
  }
}
