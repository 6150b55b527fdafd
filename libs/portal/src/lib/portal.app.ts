import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createFastifyAdapter } from '@interscambio/http';
import { serviceMain } from '@interscambio/observability';
import { loadPortalConfig, PORTAL_BASE_PATH } from './config/portal.config';
import type { PortalConfig } from './config/portal.config';
import { PortalModule } from './portal.module';

/** The portal, initialised but not listening: tests call `app.listen(0)`. */
export async function createPortalApp(config: PortalConfig): Promise<NestFastifyApplication> {
  const adapter = createFastifyAdapter(config.trustedProxies);
  // `/docs/` is what people type and what `npm start` prints; Fastify's router tells it apart from
  // `/docs`, the portal's home.
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    if (request.url.split('?')[0] === `${PORTAL_BASE_PATH}/`) return void reply.redirect(PORTAL_BASE_PATH, 301);
    done();
  });
  const app = await NestFactory.create<NestFastifyApplication>(PortalModule.forRoot(config), adapter, {
    logger: ['error', 'warn'],
    bodyParser: false,
  });
  app.setGlobalPrefix(PORTAL_BASE_PATH.slice(1));
  await app.init();
  return app;
}

/**
 * The whole of the portal's `main.ts`. `migrate` has nothing to do (the portal keeps no data) but is
 * accepted, since `npm start` and the deployment run it for every service.
 */
export const runPortal = serviceMain('portal', (env) => ({
  serve: async () => {
    const config = loadPortalConfig(env);
    const app = await createPortalApp(config);
    app.enableShutdownHooks();
    await app.listen(config.port, config.host);
    new Logger('portal').log(`listening on http://${config.host}:${config.port}${PORTAL_BASE_PATH}`);
  },
  commands: { migrate: async () => 'no database: nothing to migrate' },
}));
