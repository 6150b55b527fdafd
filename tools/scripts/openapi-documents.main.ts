// Writes every service's OpenAPI document to <dir>/<service>.json, for generate-client.ts. Compiled
// to CommonJS like the apps (Node's type stripping cannot run the libraries' decorators) and run in
// Nest's preview mode: no database, Kafka or registry is dialled.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
// A build tool over every service, as generate-types.ts is over the schemas: it alone may see them all.
/* eslint-disable @nx/enforce-module-boundaries */
import { loadExchangeConfig, themeApiDocument } from '@interscambio/exchange';
import { loadNotifierConfig, notifierApiDocument } from '@interscambio/notifier';
import { loadRegistryConfig, registryApiDocument } from '@interscambio/registry';
/* eslint-enable @nx/enforce-module-boundaries */
import { SchemaCatalog } from '@interscambio/schemas';

const env = {
  DATABASE_URL: 'postgres://preview@127.0.0.1:1/preview',
  KAFKA_BROKERS: '127.0.0.1:1',
  TOKEN_JWKS_URL: 'http://127.0.0.1:1/jwks.json',
  RECEIPT_KEY_SECRET: 'preview-mode-signs-nothing-at-all-0123456789',
  REGISTRY_KEY_SECRET: 'preview-mode-encrypts-nothing-at-all-012345',
  NOTIFIER_SECRET_KEY: 'preview-mode-encrypts-no-secret-at-all-0123',
  PUBLIC_URL: 'https://interscambio.cittametropolitana.pa.it',
};

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
