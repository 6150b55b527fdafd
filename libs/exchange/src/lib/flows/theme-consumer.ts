import type { CloudEvent } from '@interscambio/messaging';
import type { DerivedRecords } from './derived-records';

/** The records of one type of one theme, as their events reach Kafka. */
export interface EventSource {
  theme: string;
  type: string;
}

/** A theme reacting to another theme's records by publishing records of its own. */
export interface ThemeConsumer {
  /** Names the consumer group: `<topic prefix>.<theme>.<name>`. */
  name: string;
  sources: EventSource[];
  /**
   * Called for each event of the sources, at least once. It must derive what it writes (ente, key,
   * content) from the event alone: see ConsumersLifecycle for why that makes the effect exactly once.
   */
  handle(event: CloudEvent, records: DerivedRecords): Promise<void>;
}
