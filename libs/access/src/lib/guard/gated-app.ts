import { Logger } from '@nestjs/common';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { ListenConfig } from '@interscambio/config';
import { OpenApiHolder } from '@interscambio/http';
import type { Observability } from '@interscambio/observability';
import { installAccessGate } from './access.module';

export interface GatedAppOptions {
  observability: Observability;
  /** `/tributi/v1`, `/registry/v1`…: every route's prefix. */
  basePath: string;
  /** The service's OpenAPI document, served at `<basePath>/openapi.json`. */
  openApi: (app: INestApplication) => OpenAPIObject;
}

/**
 * Finishes a just-created API service: request observability, the access gate, the base path and
 * the OpenAPI document, then app.init().
 */
async function initGatedApp<A extends INestApplication>(app: A, options: GatedAppOptions): Promise<A> {
  // First: the request's trace context is set before the access gate may answer for it.
  options.observability.install(app);
  installAccessGate(app);
  app.setGlobalPrefix(options.basePath.slice(1));
  app.get(OpenApiHolder).document = options.openApi(app);
  await app.init();
  return app;
}

/**
 * Creates an API service on `adapter`, logging through its observability, and finishes it with
 * initGatedApp. A module that fails to start throws, so the caller can close what it opened first.
 */
export async function createGatedApp(
  module: DynamicModule,
  adapter: FastifyAdapter,
  options: GatedAppOptions,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    bodyParser: false,
    logger: options.observability.nestLogger(),
    abortOnError: false,
  });
  return initGatedApp(app, options);
}

/** Listens where configured, SIGTERM/SIGINT closing the app cleanly, and says where the API and its docs are. */
export async function listenGatedApp<A extends INestApplication>(
  app: A,
  service: string,
  { host, port }: Pick<ListenConfig, 'host' | 'port'>,
  basePath: string,
  note = '',
): Promise<A> {
  app.enableShutdownHooks();
  await app.listen(port, host);
  new Logger(service).log(`listening on http://${host}:${port}${basePath} (docs at ${basePath}/docs)${note}`);
  return app;
}
