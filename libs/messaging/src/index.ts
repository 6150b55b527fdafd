export { KafkajsBus, type KafkajsBusOptions } from './lib/kafkajs.bus';
export type {
  BusAdmin,
  BusConsumer,
  BusMessage,
  BusProducer,
  ConsumerOptions,
  MessageBus,
  ReceivedMessage,
} from './lib/message-bus';
export { ProcessedEvent } from './lib/processed-event.entity';
export { messagingMigrations } from './lib/migrations';
export type { CloudEvent } from './lib/cloud-event/cloud-event';
export {
  cloudEventHeader,
  cloudEventHeaders,
  fromCloudEventMessage,
  toCloudEventMessage,
} from './lib/cloud-event/cloud-event.codec';
export { eventCorrelationId, eventRevision, eventVisibility } from './lib/cloud-event/interscambio-attributes';
export { toStructuredCloudEvent } from './lib/cloud-event/cloud-event.attributes';
export { eventTraceparent } from './lib/cloud-event/trace-context';
export type { OutboxEvent } from './lib/outbox/outbox-event';
export { appendOutbox, appendOutboxSql } from './lib/outbox/append-outbox';
export { OutboxRelay, type OutboxRelayOptions } from './lib/outbox/outbox.relay';
export { outboxBacklog, type OutboxBacklog } from './lib/outbox/outbox.store';
export { relayApplicationName, relayLockName } from './lib/outbox/outbox.names';
export { EventConsumer, type EventConsumerOptions, type SettledMessage } from './lib/consumer/event.consumer';
export { ConsumerGroups, type ConsumerGroupSpec } from './lib/consumer/consumer-groups';
export { consumerLag } from './lib/consumer/consumer-lag';
export { deadLetterTopic } from './lib/consumer/dead-letter';
export { TopicEnsurer } from './lib/topic-ensurer';
export { probeBus, probeKafka } from './lib/kafka.probe';
