import { Logger, Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AccessModule, RevocationSet } from '@interscambio/access';
import { DocsController, OpenApiHolder, STATUS_CHECKS, StatusController } from '@interscambio/http';
import type { StatusChecks } from '@interscambio/http';
import { KafkajsBus, probeBus, probeKafka } from '@interscambio/messaging';
import { MetricsController, Observability } from '@interscambio/observability';
import type { MessageBus } from '@interscambio/messaging';
import { RevocationsLifecycle } from './access/revocations.lifecycle';
import type { NotifierConfig } from './config/notifier.config';
import { NotifierConsumersLifecycle, MESSAGE_BUS } from './delivery/consumers.lifecycle';
import { DeliveriesService } from './delivery/deliveries.service';
import { DeliveryDispatcher } from './delivery/delivery.dispatcher';
import { DeliveryStore } from './delivery/delivery.store';
import { ReplayService } from './delivery/replay.service';
import { ProblemFilter } from '@interscambio/http';
import { NOTIFIER_AUDIENCE, NotifierSettings } from './notifier.settings';
import { NotifierDatabase } from './storage/notifier.database';
import { SubscriptionsController } from './subscriptions/subscriptions.controller';
import { SubscriptionsService } from './subscriptions/subscriptions.service';

const PROBE_BUS = Symbol('NOTIFIER_PROBE_BUS');

@Module({})
export class NotifierModule {
  static forRoot(
    config: NotifierConfig,
    db: NotifierDatabase,
    settings: NotifierSettings,
    observability = Observability.forService('notifier'),
  ): DynamicModule {
    const revocations = new RevocationSet();
    return {
      module: NotifierModule,
      imports: [
        AccessModule.forAudience(NOTIFIER_AUDIENCE, config, {
          sql: db.pool,
          schema: db.schema,
          // Fed from the registry's revocations topic (RevocationsLifecycle), as the themes are.
          revocations,
          log: (m) => new Logger('Access').warn(m),
        }),
      ],
      controllers: [SubscriptionsController, StatusController, MetricsController, DocsController],
      providers: [
        { provide: NotifierSettings, useValue: settings },
        { provide: NotifierDatabase, useValue: db },
        { provide: RevocationSet, useValue: revocations },
        RevocationsLifecycle,
        {
          provide: MESSAGE_BUS,
          useFactory: () => new KafkajsBus(config.kafkaBrokers, 'interscambio-notifier', { silent: true }),
        },
        { provide: PROBE_BUS, useFactory: () => probeBus(config.kafkaBrokers, 'interscambio-notifier-status') },
        { provide: APP_FILTER, useClass: ProblemFilter },
        ...observability.providers(),
        {
          provide: STATUS_CHECKS,
          inject: [PROBE_BUS],
          useFactory: (bus: MessageBus): StatusChecks => ({
            required: { postgres: () => db.pool.query('select 1') },
            optional: { kafka: () => probeKafka(bus) },
            // Probes poll this unthrottled: only what the partial index of pending deliveries answers cheaply.
            details: async () => {
              const { rows } = await db.pool.query<{ pending: number }>(
                `select count(*)::int as pending from delivery where status = 'pending'`,
              );
              return { deliveries: { pending: rows[0]?.pending ?? 0 } };
            },
          }),
        },
        OpenApiHolder,
        SubscriptionsService,
        DeliveryStore,
        DeliveryDispatcher,
        DeliveriesService,
        ReplayService,
        NotifierConsumersLifecycle,
      ],
    };
  }
}
