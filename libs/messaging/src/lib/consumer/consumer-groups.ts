import type { MikroORM } from '@mikro-orm/postgresql';
import type { MessageBus } from '../message-bus';
import { TopicEnsurer } from '../topic-ensurer';
import { EventConsumer } from './event.consumer';
import type { EventConsumerOptions } from './event.consumer';

/** One consumer group of a service: its topics (created when missing) and how it handles events. */
export interface ConsumerGroupSpec extends Omit<EventConsumerOptions, 'bus' | 'orm' | 'log'> {
  topicConfig?: Record<string, string>;
}

/**
 * A service's consumer groups, started in the background and retried until Kafka answers (1 s,
 * doubling to 30 s): a broker being down must not stop a service from serving. `stop()` waits for a
 * start in flight, so nothing starts after it, and stops every group started.
 */
export class ConsumerGroups {
  private readonly consumers: EventConsumer[] = [];
  private stopped = false;
  private starting?: Promise<void>;
  private wakeStarter?: () => void;

  constructor(
    private readonly bus: MessageBus,
    private readonly specs: readonly ConsumerGroupSpec[],
    private readonly log: (message: string) => void,
  ) {}

  /** The specs of the groups running now, in start order. */
  get running(): readonly ConsumerGroupSpec[] {
    return this.specs.slice(0, this.consumers.length);
  }

  /** Starts the groups in the background; `orm` holds every group's processed_event marks. */
  start(orm: MikroORM): void {
    this.starting ??= this.startWhenKafkaAnswers(orm);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeStarter?.();
    await this.starting;
    await this.stopAll();
  }

  private async startWhenKafkaAnswers(orm: MikroORM): Promise<void> {
    for (let delay = 1000; !this.stopped; delay = Math.min(delay * 2, 30_000)) {
      try {
        return await this.startAll(orm);
      } catch (error) {
        this.log(`consumers not started, retrying in ${delay} ms: ${(error as Error).message}`);
        await new Promise<void>((resolve) => {
          this.wakeStarter = resolve;
          setTimeout(resolve, delay).unref();
        });
      }
    }
  }

  private async startAll(orm: MikroORM): Promise<void> {
    const ensurer = new TopicEnsurer(this.bus);
    try {
      for (const { topicConfig, ...spec } of this.specs.slice(this.consumers.length)) {
        // Subscribing to a topic nobody has published to yet must not fail: we never auto-create.
        await ensurer.ensure(spec.topics, topicConfig);
        const consumer = new EventConsumer({ ...spec, bus: this.bus, orm, log: this.log });
        await consumer.start();
        this.consumers.push(consumer);
        if (this.stopped) return await this.stopAll();
      }
    } finally {
      await ensurer.close();
    }
  }

  private async stopAll(): Promise<void> {
    await Promise.all(this.consumers.splice(0).map((c) => c.stop()));
  }
}
