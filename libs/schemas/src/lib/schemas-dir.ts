import { existsSync } from 'node:fs';
import path from 'node:path';
import { SchemaCatalogError } from './schema-catalog.error';

/**
 * The repository's schemas/ directory: the nearest ancestor of this file holding both `schemas/`
 * and `package.json`. Walking up (rather than a fixed `../../../../schemas`) also finds it from
 * compiled output under dist/apps/<app>/libs/schemas/src/lib.
 */
export function defaultSchemasDir(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'schemas')) && existsSync(path.join(dir, 'package.json'))) {
      return path.join(dir, 'schemas');
    }
    if (path.dirname(dir) === dir)
      throw new SchemaCatalogError('schema-dir-missing', `No schemas/ directory beside a package.json above ${from}`);
  }
}
