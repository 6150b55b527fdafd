// The services of apps/ and the port each declares — a theme in its theme file (`defaultPort`), the
// registry, the notifier, the console and the portal in their config (`<NAME>_DEFAULT_PORT`) — read from
// there so that start, the gateway and the services agree without a second list of ports.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Service {
  /** The theme: the first path segment of every URL the service answers. */
  name: string;
  app: string;
  port: number;
  /** Where it answers its readiness probe, when not at `/<name>/v1/health/ready`. */
  readyPath?: string;
}

interface ConfiguredApp {
  name: string;
  app: string;
  /** The constant of `libs/<app>/src/lib/config/<app>.config.ts` that holds its port. */
  constant: string;
}

/** A service whose config declares its port, when the repository has its app. */
function configuredService(
  root: string,
  { name, app, constant }: ConfiguredApp,
  readyPath?: string,
): Service | undefined {
  const config = path.join(root, `libs/${app}/src/lib/config/${app}.config.ts`);
  if (!existsSync(path.join(root, `apps/${app}/src/main.ts`)) || !existsSync(config)) return undefined;
  const port = new RegExp(`\\b${constant}\\s*=\\s*(\\d{2,5})\\b`).exec(readFileSync(config, 'utf8'))?.[1];
  if (!port) throw new Error(`${config} must declare ${constant} = <port>`);
  return { name, app, port: Number(port), ...(readyPath ? { readyPath } : {}) };
}

export function registryService(root: string): Service | undefined {
  return configuredService(root, { name: 'registry', app: 'registry', constant: 'REGISTRY_DEFAULT_PORT' });
}

function notifierService(root: string): Service | undefined {
  return configuredService(root, { name: 'notifier', app: 'notifier', constant: 'NOTIFIER_DEFAULT_PORT' });
}

/** The operators' console, when the repository has its app: it listens on the port its config defaults to. */
export function consoleService(root: string): Service | undefined {
  return configuredService(root, { name: 'console', app: 'console', constant: 'CONSOLE_DEFAULT_PORT' });
}

/** The developer portal, when the repository has its app: /docs on the port its config defaults to. */
function portalService(root: string): Service | undefined {
  const portal = { name: 'docs', app: 'portal', constant: 'PORTAL_DEFAULT_PORT' };
  return configuredService(root, portal, '/docs/health/ready');
}

/** Every service the gateway routes to: the registry first, then the notifier, the portal, the themes and the console. */
export function platformServices(root: string): Service[] {
  return [
    registryService(root),
    notifierService(root),
    portalService(root),
    ...themeServices(root),
    consoleService(root),
  ].filter((service) => service !== undefined);
}

function themeServices(root: string): Service[] {
  const appsDir = path.join(root, 'apps');
  if (!existsSync(appsDir)) return [];
  return readdirSync(appsDir)
    .sort()
    .flatMap((app) => {
      const file = path.join(appsDir, app, 'src', `${app}.theme.ts`);
      if (!existsSync(file)) return [];
      const source = readFileSync(file, 'utf8');
      const name = /\btheme:\s*'([a-z][a-z-]*)'/.exec(source)?.[1];
      const port = /\bdefaultPort:\s*(\d{2,5})\b/.exec(source)?.[1];
      if (!name || !port) throw new Error(`${file} must declare theme: '<name>' and defaultPort: <port>`);
      return [{ name, app, port: Number(port) }];
    });
}
