// The services of apps/ and the port each declares — a theme in its theme file (`defaultPort`), the
// registry, the notifier and the portal in their config (REGISTRY_DEFAULT_PORT, NOTIFIER_DEFAULT_PORT,
// PORTAL_DEFAULT_PORT) — read from there so that start, the gateway and the services agree without a
// second list of ports.
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

/** The registry, when the repository has its app: it listens on the port its config defaults to. */
export function registryService(root: string): Service | undefined {
  const config = path.join(root, 'libs/registry/src/lib/config/registry.config.ts');
  if (!existsSync(path.join(root, 'apps/registry/src/main.ts')) || !existsSync(config)) return undefined;
  const port = /\bREGISTRY_DEFAULT_PORT\s*=\s*(\d{2,5})\b/.exec(readFileSync(config, 'utf8'))?.[1];
  if (!port) throw new Error(`${config} must declare REGISTRY_DEFAULT_PORT = <port>`);
  return { name: 'registry', app: 'registry', port: Number(port) };
}

/** The notifier, when the repository has its app: it listens on the port its config defaults to. */
export function notifierService(root: string): Service | undefined {
  const config = path.join(root, 'libs/notifier/src/lib/config/notifier.config.ts');
  if (!existsSync(path.join(root, 'apps/notifier/src/main.ts')) || !existsSync(config)) return undefined;
  const port = /\bNOTIFIER_DEFAULT_PORT\s*=\s*(\d{2,5})\b/.exec(readFileSync(config, 'utf8'))?.[1];
  if (!port) throw new Error(`${config} must declare NOTIFIER_DEFAULT_PORT = <port>`);
  return { name: 'notifier', app: 'notifier', port: Number(port) };
}

/** The developer portal, when the repository has its app: /docs on the port its config defaults to. */
export function portalService(root: string): Service | undefined {
  const config = path.join(root, 'libs/portal/src/lib/config/portal.config.ts');
  if (!existsSync(path.join(root, 'apps/portal/src/main.ts')) || !existsSync(config)) return undefined;
  const port = /\bPORTAL_DEFAULT_PORT\s*=\s*(\d{2,5})\b/.exec(readFileSync(config, 'utf8'))?.[1];
  if (!port) throw new Error(`${config} must declare PORTAL_DEFAULT_PORT = <port>`);
  return { name: 'docs', app: 'portal', port: Number(port), readyPath: '/docs/health/ready' };
}

/** Every service the gateway routes to: the registry first, then the notifier, the portal and the themes. */
export function platformServices(root: string): Service[] {
  const registry = registryService(root);
  const notifier = notifierService(root);
  const portal = portalService(root);
  return [
    ...(registry ? [registry] : []),
    ...(notifier ? [notifier] : []),
    ...(portal ? [portal] : []),
    ...themeServices(root),
  ];
}

export function themeServices(root: string): Service[] {
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
