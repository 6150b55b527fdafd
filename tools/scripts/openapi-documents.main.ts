// Writes every service's OpenAPI document to <dir>/<service>.json, for generate-client.ts. Compiled
// to CommonJS like the apps (Node's type stripping cannot run the libraries' decorators) and run in
// Nest's preview mode: no database, Kafka or registry is dialled.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
// A build tool over every service, as generate-types.ts is over the schemas: it alone may see them all.
/* eslint-disable @nx/enforce-module-boundaries */
import { loadExchangeConfig, themeApiDocument } from '@interscambio/exchange';
import { PREVIEW_ENV } from '@interscambio/http';
import { loadNotifierConfig, notifierApiDocument } from '@interscambio/notifier';
import { loadRegistryConfig, registryApiDocument } from '@interscambio/registry';
/* eslint-enable @nx/enforce-module-boundaries */
import { SchemaCatalog } from '@interscambio/schemas';

const env = { ...PREVIEW_ENV, PUBLIC_URL: 'https://interscambio.cittametropolitana.pa.it' };

async function main(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const write = (service: string, document: object): void =>
    writeFileSync(path.join(dir, `${service}.json`), JSON.stringify(document, null, 2));
  write('registry', await registryApiDocument(loadRegistryConfig(env)));
  write('notifier', await notifierApiDocument(loadNotifierConfig(env)));
  for (const theme of SchemaCatalog.load().themes())
    write(theme, await themeApiDocument({ theme, defaultPort: 0 }, loadExchangeConfig(env, { theme, port: 0 })));
}

main(process.argv[2] ?? 'tmp/openapi').catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
