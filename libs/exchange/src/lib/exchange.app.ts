import { Observability } from '@interscambio/observability';
import type { ServiceLogging } from '@interscambio/observability';
import { createGatedApp, listenGatedApp } from '@interscambio/access';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ThemeCatalog } from './catalog/theme.catalog';
import { loadExchangeConfig } from './exchange.config';
import type { ExchangeConfig } from './exchange.config';
import { ExchangeModule } from './exchange.module';
import { ExchangeSettings } from './exchange.settings';
import type { ThemeOptions } from './exchange.settings';
import { createFastifyAdapter, previewApiDocument } from '@interscambio/http';
import { buildOpenApi } from './openapi/openapi.document';
import { SchemaCatalog } from '@interscambio/schemas';
import type { OpenAPIObject } from '@nestjs/swagger';
import { acceptSpreadsheets } from './uploads/upload-body';

/**
 * A theme service, initialised (outbox relay running) but not listening: tests call
 * `app.listen(0)` or `app.inject`, bootstrapTheme listens on the configured port. A module that fails
 * to start throws (it does not exit the process), so a test or a caller can close what it opened first.
 */
export async function createThemeApp(
  theme: ThemeOptions,
  config: ExchangeConfig,
  logging?: ServiceLogging,
): Promise<NestFastifyApplication> {
  const observability = Observability.forService(theme.theme, logging);
  const adapter = createFastifyAdapter(config.trustedProxies);
  acceptSpreadsheets(adapter);
  return createGatedApp(ExchangeModule.forTheme(theme, config, observability), adapter, {
    observability,
    basePath: new ExchangeSettings(theme.theme, config.topicPrefix).basePath,
    openApi: (a) => buildOpenApi(a, a.get(ThemeCatalog), a.get(ExchangeSettings), config),
  });
}

/**
 * The theme's OpenAPI document without a database or Kafka: Nest in preview mode builds the route
 * table and instantiates nothing, so a test can lint every theme's document in a second.
 */
export async function themeApiDocument(theme: ThemeOptions, config: ExchangeConfig): Promise<OpenAPIObject> {
  const settings = new ExchangeSettings(theme.theme, config.topicPrefix);
  const catalog = new ThemeCatalog(SchemaCatalog.load(theme.schemasDir), theme.theme, theme.rules);
  return previewApiDocument(ExchangeModule.forTheme(theme, config), settings.basePath, (app) =>
    buildOpenApi(app, catalog, settings, config),
  );
}

/** Reads the environment, starts the service and listens; SIGTERM/SIGINT close it cleanly. */
export async function bootstrapTheme(
  theme: ThemeOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<NestFastifyApplication> {
  const config = loadExchangeConfig(env, { theme: theme.theme, port: theme.defaultPort });
  const app = await createThemeApp(theme, config);
  return listenGatedApp(app, theme.theme, config, app.get(ExchangeSettings).basePath);
}
