import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { APP_FILTER, RouterModule } from '@nestjs/core';
import { OperatorAccounts } from '@interscambio/access';
import { ProblemFilter, STATUS_CHECKS, StatusController } from '@interscambio/http';
import type { StatusChecks } from '@interscambio/http';
import { probeBus, probeKafka } from '@interscambio/messaging';
import { MetricsController, Observability } from '@interscambio/observability';
import { AuthController } from './auth/auth.controller';
import { OPERATOR_AUTHENTICATOR } from './auth/operator-authenticator';
import { OPERATOR_ACCOUNTS, PasswordAuthenticator } from './auth/password.authenticator';
import { CONSOLE_POOL, Sessions } from './auth/sessions';
import { ConsoleSettings } from './console.settings';
import { ConsoleSession } from './http/console-session';
import { EventIndexer } from './kafka/event-indexer';
import { DeadLettersController } from './pages/dead-letters.controller';
import { PagesController } from './pages/pages.controller';
import { DeadLettersSource } from './sources/dead-letters.source';
import { EntiSource } from './sources/enti.source';
import { FlowsSource } from './sources/flows.source';
import { ServiceWatcher } from './sources/service-watcher';
import { TraceSource } from './sources/trace.source';

/** /console/v1/status, /health/*, /metrics: the probes every service answers. */
@Module({})
class ConsoleProbesModule {
  static forRoot(settings: ConsoleSettings, observability: Observability): DynamicModule {
    const probe = probeBus(settings.config.kafkaBrokers, 'interscambio-console-status');
    return {
      module: ConsoleProbesModule,
      controllers: [StatusController, MetricsController],
      providers: [
        ...observability.providers(),
        {
          provide: STATUS_CHECKS,
          useValue: {
            required: { postgres: () => settings.db.pool.query('select 1') },
            optional: { kafka: () => probeKafka(probe) },
          } satisfies StatusChecks,
        },
      ],
    };
  }
}

@Module({})
export class ConsoleModule {
  static forRoot(settings: ConsoleSettings, observability: Observability): DynamicModule {
    return {
      module: ConsoleModule,
      imports: [
        ConsoleProbesModule.forRoot(settings, observability),
        RouterModule.register([{ path: 'v1', module: ConsoleProbesModule }]),
      ],
      controllers: [AuthController, PagesController, DeadLettersController],
      providers: [
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: ConsoleSettings, useValue: settings },
        { provide: CONSOLE_POOL, useValue: settings.db.pool },
        // Operators' accounts are the registry's, read in its schema over the same database.
        {
          provide: OPERATOR_ACCOUNTS,
          useValue: new OperatorAccounts(settings.db.pool, settings.config.registrySchema),
        },
        // The one place to plug in an OIDC authenticator (SPID/CIE through a federation broker).
        { provide: OPERATOR_AUTHENTICATOR, useClass: PasswordAuthenticator },
        Sessions,
        ConsoleSession,
        ServiceWatcher,
        FlowsSource,
        DeadLettersSource,
        EntiSource,
        TraceSource,
        EventIndexer,
      ],
    };
  }
}
