import type { CloudEvent } from '@interscambio/messaging';

// The contract of a flow. It imports nothing of the write path, so that the settings naming the
// flows and the write path using the settings do not depend on each other.

export interface DerivedRecord {
  type: string;
  ente: string;
  key: string;
  data: unknown;
}

export interface DerivedPutOptions {
  /** Leave an existing record alone: once derived, the record is its publisher's to update. */
  ifAbsent?: boolean;
}

/** What a ThemeConsumer may do: write records of its own theme, the way a PUT or DELETE does. */
export interface DerivedRecords {
  put(record: DerivedRecord, options?: DerivedPutOptions): Promise<'created' | 'updated' | 'unchanged' | 'kept'>;
  /** Tombstones the record; false when there is none. */
  remove(type: string, ente: string, key: string): Promise<boolean>;
}

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
