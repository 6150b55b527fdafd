// The theme services of apps/ and the port each declares in its theme file (`defaultPort`), read
// from there so that start, the gateway and the services agree without a second list of ports.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Service {
  /** The theme: the first path segment of every URL the service answers. */
  name: string;
  app: string;
  port: number;
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
