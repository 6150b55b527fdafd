import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { OperatorAccounts } from '@interscambio/access';
import { createFastifyAdapter } from '@interscambio/http';
import { KafkajsBus } from '@interscambio/messaging';
import { Observability } from '@interscambio/observability';
import { whenMigrated } from '@interscambio/persistence';
import type { ServiceLogging } from '@interscambio/observability';
import { SchemaCatalog } from '@interscambio/schemas';
import { loadConsoleConfig } from './config/console.config';
import type { ConsoleConfig } from './config/console.config';
import { ConsoleModule } from './console.module';
import { ConsoleSettings } from './console.settings';
import { ConsoleDatabase } from './storage/console.database';

const CONSOLE_BASE_PATH = '/console';
const FORM_BYTES = 64 * 1024;

/** The console, initialised (indexer and scrapes starting) but not listening. */
export async function createConsoleApp(
  config: ConsoleConfig,
  logging?: ServiceLogging,
): Promise<NestFastifyApplication> {
  const logger = new Logger('console');
  const db = await ConsoleDatabase.open(config, (m) => logger.warn(m));
  return whenMigrated(db, async () => {
    if (!(await new OperatorAccounts(db.pool, config.registrySchema).tableExists()))
      throw new Error(
        `Schema "${config.registrySchema}" (CONSOLE_REGISTRY_SCHEMA) has no operator table: operators' accounts are the registry's; run the registry's \`node main.js migrate\` first.`,
      );
    const themes = SchemaCatalog.load(config.schemasDir).themesByType();
    const bus = new KafkajsBus(config.kafkaBrokers, 'interscambio-console', { silent: true });
    const settings = new ConsoleSettings(config, db, bus, themes);
    const observability = Observability.forService('console', logging);
    const adapter = createFastifyAdapter(config.trustedProxies);
    // `/console/` is the address people type and the one the README gives; Fastify's router tells it
    // apart from `/console`, the route of the overview's redirect.
    adapter.getInstance().addHook('onRequest', (request, reply, done) => {
      if (request.url.split('?')[0] === `${CONSOLE_BASE_PATH}/`)
        return void reply.redirect(`${CONSOLE_BASE_PATH}/panoramica`, 303);
      done();
    });
    // The pages' forms post urlencoded fields; URLSearchParams is all it takes to read them.
    adapter
      .getInstance()
      .addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string', bodyLimit: FORM_BYTES },
        (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body.toString()))),
      );
    const app = await NestFactory.create<NestFastifyApplication>(
      ConsoleModule.forRoot(settings, observability),
      adapter,
      {
        bodyParser: false,
        logger: observability.nestLogger(),
        abortOnError: false,
      },
    );
    observability.install(app);
    app.setGlobalPrefix(CONSOLE_BASE_PATH.slice(1));
    app.enableShutdownHooks();
    const close = app.close.bind(app);
    app.close = async () => {
      await close();
      await db.close();
    };
    await app.init();
    return app;
  });
}

/** Reads the environment, starts the console and listens. */
export async function bootstrapConsole(env: NodeJS.ProcessEnv = process.env): Promise<NestFastifyApplication> {
  const config = loadConsoleConfig(env);
  const app = await createConsoleApp(config);
  await app.listen(config.port, config.host);
  new Logger('console').log(`listening on http://${config.host}:${config.port}${CONSOLE_BASE_PATH}/`);
  return app;
}
