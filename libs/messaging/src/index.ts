export { KafkajsBus } from './lib/kafkajs.bus';
export type { BusAdmin, BusConsumer, BusMessage, BusProducer, ConsumerOptions, MessageBus, ReceivedMessage } from './lib/message-bus';
export { ProcessedEvent } from './lib/processed-event.entity';
export { messagingMigrations } from './lib/migrations';
