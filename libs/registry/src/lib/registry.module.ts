import { Logger, Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AccessModule, PostgresRateLimiter } from '@interscambio/access';
import { DocsController, OpenApiHolder, ProblemFilter, STATUS_CHECKS, StatusController } from '@interscambio/http';
import type { StatusChecks } from '@interscambio/http';
import { KafkajsBus, outboxBacklog, probeBus, probeKafka } from '@interscambio/messaging';
import type { MessageBus } from '@interscambio/messaging';
import { MetricsController, Observability } from '@interscambio/observability';
import { SchemaCatalog } from '@interscambio/schemas';
import { AgreementsController } from './agreements/agreements.controller';
import { AgreementsService } from './agreements/agreements.service';
import { ClientsController } from './clients/clients.controller';
import { ClientsService } from './clients/clients.service';
import type { RegistryConfig } from './config/registry.config';
import { EntiController } from './enti/enti.controller';
import { EntiService } from './enti/enti.service';
import { JwksController } from './keys/jwks.controller';
import { KeyRing } from './keys/key-ring';
import { KeysController } from './keys/keys.controller';
import { SigningKeyStore } from './keys/signing-key.store';
import { AgreementsRelayLifecycle } from './messaging/agreements-relay.lifecycle';
import { MESSAGE_BUS, PROBE_BUS } from './messaging/bus.tokens';
import { RevocationOutbox } from './messaging/revocation.outbox';
import { RegistrySettings } from './registry.settings';
import { DatabaseLifecycle } from './storage/database.lifecycle';
import { RegistryDatabase } from './storage/registry.database';
import { RegistryTokenVerifier } from './tokens/registry-token.verifier';
import { TokenClients } from './tokens/token-clients';
import { TokenController } from './tokens/token.controller';
import { TokenService } from './tokens/token.service';
import { UsedAssertions } from './tokens/used-assertions';

/** What createRegistryApp opens before the module exists: the database, the key ring over it, the catalog. */
export interface RegistryResources {
  db: RegistryDatabase;
  store: SigningKeyStore;
  keys: KeyRing;
  catalog: SchemaCatalog;
}

@Module({})
export class RegistryModule {
  static forRoot(
    config: RegistryConfig,
    resources: RegistryResources,
    observability = Observability.forService('registry'),
  ): DynamicModule {
    const settings = new RegistrySettings(config);
    const logger = new Logger('RateLimit');
    // The API and the token endpoint count in one table: a client's key differs from an address's.
    const limiter = new PostgresRateLimiter({
      sql: resources.db.counters,
      schema: resources.db.schema,
      limit: config.rateLimitPerMinute,
      windowSeconds: 60,
      log: (m) => logger.warn(m),
    });
    return {
      module: RegistryModule,
      imports: [
        AccessModule.forService({
          verifier: new RegistryTokenVerifier(resources.keys, config.tokenIssuer, resources.db),
          limiter,
        }),
      ],
      controllers: [
        TokenController,
        JwksController,
        EntiController,
        ClientsController,
        KeysController,
        AgreementsController,
        StatusController,
        MetricsController,
        DocsController,
      ],
      providers: [
        { provide: RegistrySettings, useValue: settings },
        { provide: PostgresRateLimiter, useValue: limiter },
        RevocationOutbox,
        { provide: RegistryDatabase, useValue: resources.db },
        { provide: SigningKeyStore, useValue: resources.store },
        { provide: KeyRing, useValue: resources.keys },
        { provide: SchemaCatalog, useValue: resources.catalog },
        {
          provide: MESSAGE_BUS,
          useFactory: () => new KafkajsBus(config.kafkaBrokers, 'interscambio-registry', { silent: true }),
        },
        {
          provide: PROBE_BUS,
          useFactory: () => probeBus(config.kafkaBrokers, 'interscambio-registry-status'),
        },
        { provide: APP_FILTER, useClass: ProblemFilter },
        ...observability.providers(),
        {
          provide: STATUS_CHECKS,
          inject: [RegistryDatabase, PROBE_BUS],
          useFactory: (db: RegistryDatabase, bus: MessageBus): StatusChecks => ({
            required: { postgres: () => db.fork().execute('select 1') },
            optional: { kafka: () => probeKafka(bus) },
            details: async () => ({ outbox: await outboxBacklog(db.sql, db.schema) }),
          }),
        },
        OpenApiHolder,
        EntiService,
        ClientsService,
        TokenClients,
        UsedAssertions,
        TokenService,
        AgreementsService,
        AgreementsRelayLifecycle,
        DatabaseLifecycle,
      ],
    };
  }
}
