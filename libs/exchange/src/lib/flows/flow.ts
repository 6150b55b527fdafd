// The contract of a flow. It imports nothing of the write path, so that the settings naming the
// flows and the write path using the settings do not depend on each other.

interface DerivedRecord {
  type: string;
  ente: string;
  key: string;
  data: unknown;
}

interface DerivedPutOptions {
  /** Leave an existing record alone: once derived, the record is its publisher's to update. */
  ifAbsent?: boolean;
}

/** What a flow may do: write records of its own theme, the way a PUT or DELETE does. */
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

/** One change of a source record, parsed from its event and checked against the type's schema. */
export interface FlowEvent<T> {
  ente: string;
  key: string;
  revision: number;
  /** When the source record changed: what a flow derives from it must not depend on the day it runs. */
  time: string;
  /** The record as its schema describes it; null when it was deleted. */
  data: T | null;
}

/**
 * A theme reacting to another theme's records by publishing records of its own. `T` is the source
 * type's generated type (`@interscambio/schemas`): one source per flow, so that the handler knows
 * the shape of what it receives. An event that does not fit goes to the dead letters, with why.
 */
export interface Flow<T = unknown> {
  /** Names the consumer group (`<topic prefix>.<theme>.<name>`) and the actor (`flow:<theme>.<name>`). */
  name: string;
  source: EventSource;
  /**
   * Called for each event of the source, at least once. It must derive what it writes (ente, key,
   * content) from the event alone: see ConsumersLifecycle for why that makes the effect exactly once.
   */
  handle(event: FlowEvent<T>, records: DerivedRecords): Promise<void>;
}
