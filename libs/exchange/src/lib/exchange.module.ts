import { Logger, Module } from '@nestjs/common';
import { AccessModule, RevocationSet } from '@interscambio/access';
import type { DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { KafkajsBus, outboxBacklog, probeBus, probeKafka } from '@interscambio/messaging';
import type { MessageBus } from '@interscambio/messaging';
import { SchemaCatalog } from '@interscambio/schemas';
import { ReadAuditor } from './trail/read.auditor';
import { AuditAnchors } from './trail/audit-anchors';
import { ASYNCAPI_DOCUMENT, AsyncApiController } from './asyncapi/asyncapi.controller';
import { buildAsyncApi } from './asyncapi/asyncapi.document';
import { AuditController } from './trail/audit.controller';
import { AuditSealerLifecycle } from './trail/audit-sealer.lifecycle';
import { CatalogController } from './catalog/catalog.controller';
import { ThemeCatalog } from './catalog/theme.catalog';
import type { ExchangeConfig } from './exchange.config';
import { ExchangeSettings } from './exchange.settings';
import type { ThemeOptions } from './exchange.settings';
import { ConsumersLifecycle } from './consumers/consumers.lifecycle';
import { FlowWriter } from './flows/flow.writer';
import { THEME_FLOWS } from './flows/flows.token';
import { FeedController } from './feed/feed.controller';
import { FeedNotifier } from './feed/feed.notifier';
import { FeedReader } from './feed/feed.reader';
import { FeedService } from './feed/feed.service';
import { MetricsController, Observability } from '@interscambio/observability';
import { DocsController, OpenApiHolder, ProblemFilter, STATUS_CHECKS, StatusController } from '@interscambio/http';
import type { StatusChecks } from '@interscambio/http';
import { BatchService } from './records/batch.service';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { RecordCollectionController } from './records/record-collection.controller';
import { RecordController } from './records/record.controller';
import { RecordService } from './records/record.service';
import { RecordRepository } from './records/record.repository';
import { RecordChecker } from './records/record-checker';
import { RecordWriter } from './records/record-writer';
import { ReceiptSigner } from './receipts/receipt.signer';
import { ReceiptsController } from './receipts/receipts.controller';
import { MESSAGE_BUS, PROBE_BUS } from './relay/message-bus.token';
import { RelayLifecycle } from './relay/relay.lifecycle';
import { Database } from './storage/database';
import { RevocationsLifecycle } from './security/revocations.lifecycle';
import { HistoryController } from './history/history.controller';
import { HistoryConfigHolder, HistoryService } from './history/history.service';
import { OpenDataController } from './opendata/opendata.controller';
import { OpenDataConfigHolder, OpenDataRefresher } from './opendata/opendata.refresher';
import { UploadController } from './uploads/upload.controller';
import { UploadPageController } from './uploads/upload-page.controller';
import { UploadProcessor } from './uploads/upload.processor';
import { UploadReceiver } from './uploads/upload.receiver';
import { UploadStore } from './uploads/upload.store';

@Module({})
export class ExchangeModule {
  /** Everything a theme service is made of; the theme only brings its name, rules and config. */
  static forTheme(
    theme: ThemeOptions,
    config: ExchangeConfig,
    observability = Observability.forService(theme.theme),
  ): DynamicModule {
    const clientId = `interscambio-${theme.theme}`;
    // Made here, not by Nest, because the access gate counts its callers in the same pool and schema.
    const db = new Database(config.databaseUrl, config.databaseSchema, config.databasePoolSize);
    const revocations = new RevocationSet();
    const logger = new Logger('Access');
    return {
      module: ExchangeModule,
      imports: [
        AccessModule.forAudience(theme.theme, config, {
          sql: db.pool,
          schema: db.schema,
          revocations,
          log: (m) => logger.warn(m),
        }),
      ],
      controllers: [
        AuditController,
        UploadController,
        UploadPageController,
        HistoryController,
        OpenDataController,
        RecordController,
        RecordCollectionController,
        FeedController,
        CatalogController,
        ReceiptsController,
        StatusController,
        MetricsController,
        DocsController,
        AsyncApiController,
      ],
      providers: [
        { provide: ExchangeSettings, useValue: new ExchangeSettings(theme.theme, config.topicPrefix) },
        { provide: ReceiptSigner, useValue: new ReceiptSigner(theme.theme, config) },
        { provide: Database, useValue: db },
        { provide: RevocationSet, useValue: revocations },
        RevocationsLifecycle,
        {
          provide: ThemeCatalog,
          useFactory: () =>
            new ThemeCatalog(SchemaCatalog.load(theme.schemasDir), theme.theme, theme.rules, config.publicUrl),
        },
        { provide: MESSAGE_BUS, useFactory: () => new KafkajsBus(config.kafkaBrokers, clientId, { silent: true }) },
        {
          provide: PROBE_BUS,
          useFactory: () => probeBus(config.kafkaBrokers, `${clientId}-status`),
        },
        { provide: APP_FILTER, useClass: ProblemFilter },
        ...observability.providers(),
        {
          provide: STATUS_CHECKS,
          inject: [Database, PROBE_BUS],
          useFactory: (db: Database, bus: MessageBus): StatusChecks => ({
            required: { postgres: () => db.pool.query('select 1') },
            optional: { kafka: () => probeKafka(bus) },
            details: async () => ({ outbox: await outboxBacklog(db.pool, db.schema) }),
          }),
        },
        OpenApiHolder,
        {
          provide: ASYNCAPI_DOCUMENT,
          inject: [ThemeCatalog],
          useFactory: (catalog: ThemeCatalog) =>
            buildAsyncApi(
              { theme: theme.theme, topicPrefix: config.topicPrefix, kafkaBrokers: config.kafkaBrokers },
              catalog.types(),
            ),
        },
        RecordRepository,
        RecordChecker,
        RecordWriter,
        IdempotencyStore,
        ReadAuditor,
        RecordService,
        BatchService,
        FeedReader,
        FeedNotifier,
        FeedService,
        RelayLifecycle,
        AuditAnchors,
        AuditSealerLifecycle,
        { provide: THEME_FLOWS, useValue: theme.flows ?? [] },
        FlowWriter,
        ConsumersLifecycle,
        UploadStore,
        UploadReceiver,
        UploadProcessor,
        { provide: HistoryConfigHolder, useValue: new HistoryConfigHolder(config) },
        HistoryService,
        { provide: OpenDataConfigHolder, useValue: new OpenDataConfigHolder(config) },
        OpenDataRefresher,
      ],
    };
  }
}
