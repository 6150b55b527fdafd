import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createPortalApp, loadPortalConfig } from '@interscambio/portal';
import { freePort } from '@interscambio/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** A service the gateway forwards to: listening already, and closed with the site. */
export interface Upstream {
  app: NestFastifyApplication;
  close(): Promise<unknown>;
}

export interface BehindGateway<U extends Record<string, Upstream>> {
  /** `http://127.0.0.1:<port>`: the gateway, in front of the portal (`/docs`) and each upstream. */
  base: string;
  upstreams: U;
  /** Stops the gateway, the portal, then the upstreams, the last started first. */
  close(): Promise<void>;
}

/**
 * The portal as `npm start` serves it: the gateway (tools/scripts/gateway.ts) on a free port, in front
 * of the portal and of the upstreams, keyed by their path prefix. `startUpstreams` is given the
 * gateway's address first, since the services put it in the links they answer with (PUBLIC_URL).
 */
export async function startBehindGateway<U extends Record<string, Upstream>>(
  startUpstreams: (base: string) => Promise<U>,
): Promise<BehindGateway<U>> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const upstreams = await startUpstreams(base);
  const closeUpstreams = async (): Promise<void> => {
    for (const upstream of Object.values(upstreams).reverse()) await upstream.close();
  };
  let portal: NestFastifyApplication | undefined;
  try {
    portal = await createPortalApp(loadPortalConfig({ HOST: '127.0.0.1', PORT: '0' }));
    await portal.listen(0, '127.0.0.1');
    const gateway = await startGateway(port, [...Object.entries(upstreams), ['docs', { app: portal }]]);
    const started = portal;
    return {
      base,
      upstreams,
      async close() {
        gateway.kill();
        await started.close();
        await closeUpstreams();
      },
    };
  } catch (error) {
    // What started before the failure is closed here: forSuite closes only what started whole.
    await portal?.close();
    await closeUpstreams();
    throw error;
  }
}

/** tools/scripts/gateway.ts on `port`, forwarding each prefix to its app; resolves once it listens. */
async function startGateway(
  port: number,
  apps: (readonly [string, { app: NestFastifyApplication }])[],
): Promise<ChildProcess> {
  const gateway = spawn(process.execPath, [path.resolve(__dirname, '../../../tools/scripts/gateway.ts')], {
    env: {
      ...process.env,
      GATEWAY_PORT: String(port),
      GATEWAY_UPSTREAMS: apps.map(([name, { app }]) => `${name}=${portOf(app)}`).join(','),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // It says where it listens once it does, or ends without listening.
  await new Promise<void>((resolve, reject) => {
    gateway.stderr?.on('data', (chunk: Buffer) => chunk.toString().includes('[gateway]') && resolve());
    gateway.once('exit', (code) => reject(new Error(`the gateway ended (exit ${code}) before listening`)));
  });
  return gateway;
}

function portOf(app: NestFastifyApplication): number {
  return ((app.getHttpServer() as Server).address() as AddressInfo).port;
}
