import type { CloudEvent } from '@interscambio/messaging';
import type { EntityManager } from '@mikro-orm/postgresql';

/** One consumer group of the service: the agreements projection, or a theme's flow. */
export interface ServiceConsumer {
  /** Names the consumer group: `<topic prefix>.<theme>.<name>`. */
  name: string;
  topics: string[];
  /** Configuration of the topics this consumer has to create because nobody published yet. */
  topicConfig?: Record<string, string>;
  /** At least once per event, in a transaction that also marks the event processed. */
  handle(event: CloudEvent, em: EntityManager): Promise<void>;
}
