import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { createGatedApp, listenGatedApp } from '@interscambio/access';
import { createFastifyAdapter, previewApiDocument, registerMergePatchParser } from '@interscambio/http';
import { Observability } from '@interscambio/observability';
import { whenMigrated } from '@interscambio/persistence';
import type { ServiceLogging } from '@interscambio/observability';
import { SchemaCatalog } from '@interscambio/schemas';
import { loadNotifierConfig } from './config/notifier.config';
import type { NotifierConfig } from './config/notifier.config';
import { NotifierModule } from './notifier.module';
import { NOTIFIER_BASE_PATH, NotifierSettings } from './notifier.settings';
import { buildNotifierOpenApi } from './openapi/notifier-openapi';
import { NotifierDatabase } from './storage/notifier.database';
import { encryptClearSecrets } from './subscriptions/clear-secrets';
import { SecretCipher } from './subscriptions/secret-cipher';

/** The notifier, initialised (consumers starting, dispatcher running) but not listening. */
export async function createNotifierApp(
  config: NotifierConfig,
  logging?: ServiceLogging,
): Promise<NestFastifyApplication> {
  const logger = new Logger('notifier');
  // The deliveries group holds one transaction per partition in hand, the agreements group one.
  const db = await NotifierDatabase.open(config, (m) => logger.warn(m), config.consumerPartitions + 1);
  return whenMigrated(db, async () => {
    const themes = SchemaCatalog.load(config.schemasDir).themesByType();
    const secrets = await SecretCipher.derive(config.secretKey);
    const encrypted = await encryptClearSecrets(db.pool, secrets);
    if (encrypted > 0) logger.log(`encrypted the signing secrets of ${encrypted} subscription(s) stored in clear`);
    const settings = new NotifierSettings(config, config.topicPrefix, themes, secrets);
    const observability = Observability.forService('notifier', logging);
    return createGatedApp(
      NotifierModule.forRoot(config, db, settings, observability),
      registerMergePatchParser(createFastifyAdapter(config.trustedProxies)),
      { observability, basePath: NOTIFIER_BASE_PATH, openApi: (app) => buildNotifierOpenApi(app, config) },
    );
  });
}

/** The OpenAPI document without a database or Kafka (Nest's preview mode instantiates nothing). */
export async function notifierApiDocument(config: NotifierConfig): Promise<OpenAPIObject> {
  const settings = new NotifierSettings(
    config,
    config.topicPrefix,
    SchemaCatalog.load(config.schemasDir).themesByType(),
    await SecretCipher.derive(config.secretKey),
  );
  // The module reads the schema when it is declared (the rate limiter keeps it); preview uses no pool.
  const unopened = { schema: config.databaseSchema } as unknown as NotifierDatabase;
  return previewApiDocument(NotifierModule.forRoot(config, unopened, settings), NOTIFIER_BASE_PATH, (app) =>
    buildNotifierOpenApi(app, config),
  );
}

/** Reads the environment, starts the notifier and listens; SIGTERM/SIGINT close it cleanly. */
export async function bootstrapNotifier(env: NodeJS.ProcessEnv = process.env): Promise<NestFastifyApplication> {
  const config = loadNotifierConfig(env);
  const sandbox = config.sandbox ? '; sandbox: http:// and private callbacks allowed' : '';
  return listenGatedApp(await createNotifierApp(config), 'notifier', config, NOTIFIER_BASE_PATH, sandbox);
}
