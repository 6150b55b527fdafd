import type { Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * One row per CloudEvent a consumer group has handled, written in the same transaction as the
 * handler's effects: a redelivered event finds its row and is skipped.
 */
@Entity({ tableName: 'processed_event' })
export class ProcessedEvent {
  @PrimaryKey({ type: 'text' })
  consumerGroup!: string;

  @PrimaryKey({ type: 'text' })
  eventId!: string;

  @Property({ type: 'text' })
  topic!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  processedAt: Opt<Date> = new Date();
}
