import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { RequestContext } from '@mikro-orm/postgresql';
import type { CloudEvent } from '../cloud-event/cloud-event';
import { fromCloudEventMessage } from '../cloud-event/cloud-event.codec';
import type { BusConsumer, MessageBus, ReceivedMessage } from '../message-bus';
import { errorMessage } from '../messaging.errors';
import { ProcessedEvent } from '../processed-event.entity';
import type { WorkerReports } from '../worker-reports';
import { DeadLetterQueue } from './dead-letter';

// Well below the group's 10 s session (kafkajs.bus.ts): a heartbeat follows each wait.
const MAX_BACKOFF_MS = 3_000;

/** The consumer settles a message after its retries. */
export interface EventConsumerOptions extends WorkerReports<SettledMessage> {
  bus: MessageBus;
  /** Its migrations must include messagingMigrations (the processed_event table). */
  orm: MikroORM;
  groupId: string;
  topics: string[];
  /** Runs in a transaction on its own EntityManager; what it persists commits with the event's processed mark. */
  handler: (event: CloudEvent, em: EntityManager) => Promise<void>;
  /** Attempts before the message goes to `<topic>.dlq` (default 5). */
  maxAttempts?: number;
  /** First retry delay, doubled each attempt up to 3 s (default 200 ms). */
  backoffMs?: number;
  fromBeginning?: boolean;
  /**
   * The handler makes its effects once by itself (a unique key of its own, in its own transaction):
   * no processed_event mark and no ORM transaction around it, one transaction fewer per event.
   * A redelivery is then reported as `handled`.
   */
  idempotentHandler?: boolean;
  /** Partitions handled at once, each in order (default 1): see ConsumerOptions. */
  partitionsConcurrently?: number;
}

export interface SettledMessage {
  groupId: string;
  message: ReceivedMessage;
  /** Undefined when the message is not a CloudEvent. */
  event?: CloudEvent;
  /** `duplicate`: already processed by this group (a redelivery), skipped. */
  outcome: 'handled' | 'duplicate' | 'dead-letter';
  attempts: number;
  seconds: number;
}

/**
 * Handles CloudEvents from Kafka at least once and their effects exactly once: each event id is
 * recorded in processed_event in the handler's transaction, so a redelivery is skipped.
 */
export class EventConsumer {
  private readonly deadLetters: DeadLetterQueue;
  private readonly log: (msg: string) => void;
  private consumer?: BusConsumer;

  constructor(private readonly options: EventConsumerOptions) {
    this.deadLetters = new DeadLetterQueue(options.bus);
    this.log = options.log ?? ((msg) => console.warn(msg));
  }

  async start(): Promise<void> {
    const { bus, groupId, topics, fromBeginning, partitionsConcurrently } = this.options;
    this.consumer = await bus.consumer({ groupId, topics, fromBeginning, partitionsConcurrently });
    // A start that fails leaves nothing running: the caller retries with a new EventConsumer.
    await this.consumer
      .run((message) => this.handle(message))
      .catch(async (error: unknown) => {
        await this.stop().catch(() => undefined);
        throw error;
      });
  }

  /** Waits for the message in hand (retries included), then leaves the group. */
  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.close();
    await this.deadLetters.close();
  }

  private async handle(message: ReceivedMessage): Promise<void> {
    const { groupId, maxAttempts = 5, backoffMs = 200 } = this.options;
    const started = process.hrtime.bigint();
    const settle = (outcome: SettledMessage['outcome'], attempts: number, event?: CloudEvent): void =>
      this.options.onSettled?.({
        groupId,
        message,
        event,
        outcome,
        attempts,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      });
    let event: CloudEvent;
    try {
      event = fromCloudEventMessage(message);
    } catch (error) {
      this.log(
        `consumer ${groupId}: ${message.topic}/${message.partition}@${message.offset} to the DLQ: ${errorMessage(error)}`,
      );
      await this.deadLetters.send({ message, error, attempts: 1, consumerGroup: groupId });
      return settle('dead-letter', 1);
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const processed = await this.handleOnce(event);
        return settle(processed ? 'handled' : 'duplicate', attempt, event);
      } catch (error) {
        if (attempt >= maxAttempts) {
          this.log(
            `consumer ${groupId}: event ${event.id} failed ${attempt} times, to the DLQ: ${errorMessage(error)}`,
          );
          await this.deadLetters.send({ message, error, attempts: attempt, consumerGroup: groupId });
          return settle('dead-letter', attempt, event);
        }
        // Capped, with a heartbeat each attempt, so retrying never outlasts the group's session timeout.
        await new Promise((resolve) => setTimeout(resolve, Math.min(MAX_BACKOFF_MS, backoffMs * 2 ** (attempt - 1))));
        await message.heartbeat?.();
      }
    }
  }

  /** False when this group had processed the event already. */
  private async handleOnce(event: CloudEvent): Promise<boolean> {
    const em = this.options.orm.em.fork();
    if (this.options.idempotentHandler) {
      await this.options.handler(event, em);
      return true;
    }
    return RequestContext.create(em, () =>
      em.transactional(async (tx) => {
        if (await this.alreadyProcessed(tx, event)) return false;
        await this.options.handler(event, tx);
        return true;
      }),
    );
  }

  /** Inserting first also makes a concurrent redelivery wait on the key, then see it taken. */
  private async alreadyProcessed(em: EntityManager, event: CloudEvent): Promise<boolean> {
    const result = await em
      .createQueryBuilder(ProcessedEvent)
      .insert({ consumerGroup: this.options.groupId, eventId: event.id, topic: event.topic })
      .onConflict(['consumerGroup', 'eventId'])
      .ignore()
      .execute('run');
    return result.affectedRows === 0;
  }
}
