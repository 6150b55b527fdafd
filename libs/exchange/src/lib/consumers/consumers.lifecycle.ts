import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { ConsumerGroups, eventTraceparent, ProcessedEvent } from '@interscambio/messaging';
import { inEventSpan, Observability } from '@interscambio/observability';
import type { MessageBus } from '@interscambio/messaging';
import type { MikroORM } from '@mikro-orm/postgresql';
import { openOrm } from '@interscambio/persistence';
import { ExchangeSettings } from '../exchange.settings';
import { MESSAGE_BUS } from '../relay/message-bus.token';
import { Database } from '../storage/database';
import { themeMigrations } from '../storage/theme.migrations';
import { registryStateConsumers } from './registry-states.consumer';
import { ThemeCatalog } from '../catalog/theme.catalog';
import { collectConsumerLag, settledObserver } from './consumer-observer';
import { FlowWriter } from '../flows/flow.writer';
import type { ServiceConsumer } from './service-consumer';
import { THEME_FLOWS } from '../flows/flows.token';
import type { Flow } from '../flows/flow';
import { parseFlowEvent } from '../flows/flow-event';

/**
 * One EventConsumer per ServiceConsumer — the agreements and revocations projections and each flow — for as
 * long as the app runs.
 *
 * WHY the effect is exactly once: the EventConsumer marks the event id in processed_event through
 * the ORM's transaction, but the derived record is written through the pg Pool in a transaction of
 * its own, committed first. A crash between the two commits, or the same change arriving again
 * under a new event id, runs the handler a second time; processed_event cannot stop that. What does
 * is that the handler derives ente, key and content from the event alone: the second write finds
 * the same content hash and is `unchanged` (no revision, no change-log entry, no event), or with
 * `ifAbsent` finds the record and keeps it. processed_event only spares the work for a plain redelivery.
 */
@Injectable()
export class ConsumersLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private orm?: MikroORM;
  private readonly all: ServiceConsumer[];
  private readonly groups: ConsumerGroups;

  constructor(
    @Inject(THEME_FLOWS) declared: Flow[],
    @Inject(MESSAGE_BUS) bus: MessageBus,
    private readonly db: Database,
    private readonly settings: ExchangeSettings,
    private readonly writer: FlowWriter,
    private readonly catalog: ThemeCatalog,
    observability: Observability,
  ) {
    this.all = [...registryStateConsumers(settings, db), ...declared.map((c) => this.flow(c))];
    const logger = new Logger('Consumers');
    const onSettled = settledObserver(observability);
    this.groups = new ConsumerGroups(
      bus,
      this.all.map((c) => ({
        // The prefix keeps groups of different deployments (and test runs) on one cluster apart.
        groupId: `${settings.topicPrefix}.${settings.theme}.${c.name}`,
        topics: c.topics,
        topicConfig: c.topicConfig,
        // A span continuing the producer's trace, when OpenTelemetry runs: derived records carry it on.
        handler: (event, em) =>
          inEventSpan(`${event.topic} process`, eventTraceparent(event), () => c.handle(event, em)),
        // A new flow derives from the records published before it existed, and a new service
        // learns every agreement approved before it started.
        fromBeginning: true,
        onSettled,
      })),
      (m) => logger.warn(m),
    );
    collectConsumerLag(observability, bus, () => this.groups.running);
  }

  /** A theme's flow: its source's topic, each event parsed once, its derived writes made as `flow:<theme>.<name>`. */
  private flow(declared: Flow): ServiceConsumer {
    const { theme, type } = declared.source;
    const major = this.catalog.sourceMajor(theme, type);
    if (major === undefined)
      throw new Error(
        `Flow ${declared.name} of theme ${this.settings.theme} reads ${theme}/${type}, which has no schema`,
      );
    const validate = (m: number, data: unknown) => this.catalog.validateSource(theme, type, m, data);
    const actor = `flow:${this.settings.theme}.${declared.name}`;
    return {
      name: declared.name,
      topics: [`${this.settings.topicPrefix}.${theme}.${type}`],
      handle: (event) =>
        declared.handle(parseFlowEvent(declared.source, major, validate, event), this.writer.forEvent(event, actor)),
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    this.orm = await openOrm({
      url: this.db.url,
      schema: this.db.schema,
      entities: [ProcessedEvent],
      migrations: themeMigrations,
      poolSize: this.all.length + 1,
    });
    // Kafka being down must not stop the service from accepting records (the outbox keeps their
    // events): the consumers start in the background, retrying until the broker answers.
    this.groups.start(this.orm);
  }

  /** Before the pool closes (onApplicationShutdown): a handler in flight still needs it. */
  async beforeApplicationShutdown(): Promise<void> {
    // A start still in flight finishes (and sees the stop) before the ORM goes away.
    await this.groups.stop();
    await this.orm?.close();
    this.orm = undefined;
  }
}
