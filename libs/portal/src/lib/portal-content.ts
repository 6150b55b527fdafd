import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * libs/portal/content (the guide, the style sheet, the reference's script): the nearest ancestor of
 * this file holding it, so that compiled output under dist/ and the container image find it too.
 */
export function portalContentDir(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'libs/portal/content');
    if (existsSync(path.join(candidate, 'guida-introduttiva.md'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`No libs/portal/content above ${from}`);
  }
}
