import { Module } from '@nestjs/common';
import { AccessModule } from '@interscambio/access';
import type { DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { KafkajsBus, outboxBacklog, probeBus, probeKafka } from '@interscambio/messaging';
import type { MessageBus } from '@interscambio/messaging';
import { SchemaCatalog } from '@interscambio/schemas';
import { ReadAudit } from './access/read-audit';
import { AuditAnchors } from './audit/audit-anchors';
import { AuditController } from './audit/audit.controller';
import { AuditSealerLifecycle } from './audit/audit-sealer.lifecycle';
import { CatalogController } from './catalog/catalog.controller';
import { ThemeCatalog } from './catalog/theme.catalog';
import type { ExchangeConfig } from './config/exchange.config';
import { ExchangeSettings } from './exchange.settings';
import type { ThemeOptions } from './exchange.settings';
import { ConsumersLifecycle } from './flows/consumers.lifecycle';
import { DerivedRecordWriter } from './flows/derived-records';
import { THEME_CONSUMERS } from './flows/theme-consumers.token';
import { FeedController } from './feed/feed.controller';
import { FeedNotifier } from './feed/feed.notifier';
import { FeedReader } from './feed/feed.reader';
import { FeedService } from './feed/feed.service';
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
  static forTheme(theme: ThemeOptions, config: ExchangeConfig): DynamicModule {
    const clientId = `interscambio-${theme.theme}`;
    return {
      module: ExchangeModule,
      imports: [AccessModule.forAudience(theme.theme, config)],
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
        DocsController,
      ],
      providers: [
        { provide: ExchangeSettings, useValue: new ExchangeSettings(theme.theme, config.topicPrefix) },
        { provide: ReceiptSigner, useValue: new ReceiptSigner(theme.theme, config) },
        {
          provide: Database,
          useFactory: () => new Database(config.databaseUrl, config.databaseSchema, config.databasePoolSize),
        },
        {
          provide: ThemeCatalog,
          useFactory: () => new ThemeCatalog(SchemaCatalog.load(theme.schemasDir), theme.theme, theme.rules),
        },
        { provide: MESSAGE_BUS, useFactory: () => new KafkajsBus(config.kafkaBrokers, clientId, { silent: true }) },
        {
          provide: PROBE_BUS,
          useFactory: () => probeBus(config.kafkaBrokers, `${clientId}-status`),
        },
        { provide: APP_FILTER, useClass: ProblemFilter },
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
        RecordRepository,
        RecordChecker,
        RecordWriter,
        IdempotencyStore,
        ReadAudit,
        RecordService,
        BatchService,
        FeedReader,
        FeedNotifier,
        FeedService,
        RelayLifecycle,
        AuditAnchors,
        AuditSealerLifecycle,
        { provide: THEME_CONSUMERS, useValue: theme.consumers ?? [] },
        DerivedRecordWriter,
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
