import { Logger } from '@nestjs/common';
import { installAccessGate } from '@interscambio/access';
import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ThemeCatalog } from './catalog/theme.catalog';
import { loadExchangeConfig } from './config/exchange.config';
import type { ExchangeConfig } from './config/exchange.config';
import { ExchangeModule } from './exchange.module';
import { ExchangeSettings } from './exchange.settings';
import type { ThemeOptions } from './exchange.settings';
import { createFastifyAdapter, OpenApiHolder } from '@interscambio/http';
import { buildOpenApi } from './openapi/openapi.document';
import { acceptSpreadsheets } from './uploads/upload-body';

/**
 * A theme service, initialised (outbox relay running) but not listening: tests call
 * `app.listen(0)` or `app.inject`, bootstrapTheme listens on the configured port.
 */
export async function createThemeApp(
  theme: ThemeOptions,
  config: ExchangeConfig,
  logLevels: LogLevel[] = ['error', 'warn', 'log'],
): Promise<NestFastifyApplication> {
  const adapter = createFastifyAdapter();
  acceptSpreadsheets(adapter);
  const app = await NestFactory.create<NestFastifyApplication>(ExchangeModule.forTheme(theme, config), adapter, {
    bodyParser: false,
    logger: logLevels,
  });
  installAccessGate(app);
  const settings = app.get(ExchangeSettings);
  app.setGlobalPrefix(settings.basePath.slice(1));
  app.get(OpenApiHolder).document = buildOpenApi(app, app.get(ThemeCatalog), settings, config.tokenUrl);
  await app.init();
  return app;
}

/** Reads the environment, starts the service and listens; SIGTERM/SIGINT close it cleanly. */
export async function bootstrapTheme(
  theme: ThemeOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<NestFastifyApplication> {
  const config = loadExchangeConfig(env, { theme: theme.theme, port: theme.defaultPort });
  const app = await createThemeApp(theme, config);
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  new Logger(theme.theme).log(
    `listening on http://${config.host}:${config.port}/${theme.theme}/v1 (docs at /${theme.theme}/v1/docs)`,
  );
  return app;
}
