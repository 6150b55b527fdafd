// Our own small interface over the Kafka client (producer, consumer, admin): kafkajs is in
// maintenance mode, so a theme must never import it directly.

export interface BusMessage {
  key: string | null;
  value: Buffer | string | null;
  headers?: Record<string, string>;
}

export interface ReceivedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  /** Tells the group this consumer is alive while one message takes long (retries with backoff). */
  heartbeat?: () => Promise<void>;
}

export interface BusProducer {
  /** Sends all messages in one request per partition leader; resolves once every replica has them. */
  send(topic: string, messages: BusMessage[]): Promise<void>;
  close(): Promise<void>;
}

export interface ConsumerOptions {
  groupId: string;
  topics: string[];
  fromBeginning?: boolean;
  /**
   * Partitions handled at once (default 1). Each partition still gets one message at a time, in
   * order, so events of one key (one partition) keep their order; a consumer whose handler waits on
   * I/O drains several partitions in the time one took.
   */
  partitionsConcurrently?: number;
}

export interface BusConsumer {
  /**
   * Calls `handle` for each message, one at a time per partition; the offset is committed only
   * after `handle` resolves. A throwing handler stops nothing by itself: the caller decides.
   */
  run(handle: (message: ReceivedMessage) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export interface BusAdmin {
  /** `config` is topic configuration, e.g. `{ 'cleanup.policy': 'compact' }` for a topic of current states. */
  createTopics(topics: { name: string; partitions?: number; config?: Record<string, string> }[]): Promise<void>;
  deleteTopics(names: string[]): Promise<void>;
  listTopics(): Promise<string[]>;
  /** Per partition, the first offset still stored (`low`) and the offset the next message gets (`high`). */
  topicOffsets(topic: string): Promise<{ partition: number; low: string; high: string }[]>;
  /** Per topic and partition, the offset `groupId` has committed (`-1` when none yet). */
  groupOffsets(groupId: string, topics: string[]): Promise<{ topic: string; partition: number; offset: string }[]>;
  /** The topic's configuration as the broker reports it (e.g. `cleanup.policy`). */
  topicConfig(topic: string): Promise<Record<string, string>>;
  /** The members of a consumer group now (none once every member left or was dropped). */
  groupMembers(groupId: string): Promise<{ memberId: string; clientId: string }[]>;
  close(): Promise<void>;
}

export interface MessageBus {
  producer(): Promise<BusProducer>;
  consumer(options: ConsumerOptions): Promise<BusConsumer>;
  admin(): Promise<BusAdmin>;
}
