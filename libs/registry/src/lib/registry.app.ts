import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createGatedApp, listenGatedApp } from '@interscambio/access';
import { createFastifyAdapter, previewApiDocument } from '@interscambio/http';
import { Observability } from '@interscambio/observability';
import { whenMigrated } from '@interscambio/persistence';
import type { ServiceLogging } from '@interscambio/observability';
import { SchemaCatalog } from '@interscambio/schemas';
import { loadRegistryConfig } from './config/registry.config';
import type { RegistryConfig } from './config/registry.config';
import { registerBodyParsers } from '@interscambio/http';
import { registerRequestContext } from './http/request-context';
import { KeyCipher } from './keys/key-cipher';
import { KeyRing } from './keys/key-ring';
import { SigningKeyStore } from './keys/signing-key.store';
import { buildRegistryOpenApi } from './openapi/registry-openapi';
import { RegistryModule } from './registry.module';
import type { RegistryResources } from './registry.module';
import type { OpenAPIObject } from '@nestjs/swagger';
import { REGISTRY_BASE_PATH } from './registry.settings';
import { RegistryDatabase } from './storage/registry.database';

/**
 * The registry, initialised (signing key ready, outbox relay starting) but not listening: tests
 * call `app.listen(0)` or `app.inject`, bootstrapRegistry listens on the configured port.
 */
export async function createRegistryApp(
  config: RegistryConfig,
  logging?: ServiceLogging,
): Promise<NestFastifyApplication> {
  const db = await RegistryDatabase.open(config);
  return whenMigrated(db, async () => {
    const store = new SigningKeyStore(db, await KeyCipher.derive(config.keySecret));
    const keys = new KeyRing(store, config.tokenTtlSeconds);
    await keys.ensureActive();
    const adapter = createFastifyAdapter(config.trustedProxies);
    registerBodyParsers(adapter);
    registerRequestContext(adapter, db.orm);
    const observability = Observability.forService('registry', logging);
    return createGatedApp(
      RegistryModule.forRoot(config, { db, store, keys, catalog: SchemaCatalog.load() }, observability),
      adapter,
      { observability, basePath: REGISTRY_BASE_PATH, openApi: (app) => buildRegistryOpenApi(app, config) },
    );
  });
}

/**
 * The registry's OpenAPI document without a database: Nest in preview mode builds the route table
 * and instantiates nothing, so none of the resources createRegistryApp opens is needed.
 */
export async function registryApiDocument(config: RegistryConfig): Promise<OpenAPIObject> {
  // The module reads the database's schema and pool when it is declared (the rate limiter keeps
  // them); preview mode never uses them.
  const unopened = { db: { schema: config.databaseSchema } } as unknown as RegistryResources;
  return previewApiDocument(RegistryModule.forRoot(config, unopened), REGISTRY_BASE_PATH, (app) =>
    buildRegistryOpenApi(app, config),
  );
}

/** Reads the environment, starts the registry and listens; SIGTERM/SIGINT close it cleanly. */
export async function bootstrapRegistry(env: NodeJS.ProcessEnv = process.env): Promise<NestFastifyApplication> {
  const config = loadRegistryConfig(env);
  return listenGatedApp(await createRegistryApp(config), 'registry', config, REGISTRY_BASE_PATH);
}
