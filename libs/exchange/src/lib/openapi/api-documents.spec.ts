import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { expectConformingApi, italianGuidelinesLinter } from '@interscambio/http/testing';
import { SchemaCatalog } from '@interscambio/schemas';
import type { Spectral } from '@stoplight/spectral-core';
import { loadExchangeConfig } from '../exchange.config';
import { themeApiDocument } from '../exchange.app';

// Preview mode connects to nothing: these addresses are never dialled.
const env = {
  DATABASE_URL: 'postgres://preview@127.0.0.1:1/preview',
  KAFKA_BROKERS: '127.0.0.1:1',
  TOKEN_JWKS_URL: 'http://127.0.0.1:1/jwks.json',
  RECEIPT_KEY_SECRET: 'preview-mode-signs-nothing-at-all-0123456789',
};
const themes = SchemaCatalog.load().themes();

/** The themes the apps declare (`theme: '<name>'` in apps/<app>/src/<app>.theme.ts). */
function appThemes(): string[] {
  const apps = path.resolve(__dirname, '../../../../../apps');
  return readdirSync(apps).flatMap((app) => {
    const file = path.join(apps, app, 'src', `${app}.theme.ts`);
    if (!existsSync(file)) return [];
    return [/\btheme:\s*'([a-z][a-z-]*)'/.exec(readFileSync(file, 'utf8'))?.[1] ?? app];
  });
}

describe("every theme's OpenAPI document", () => {
  let spectral: Spectral | undefined;
  beforeAll(async () => {
    spectral = await italianGuidelinesLinter();
  });

  it('covers every theme an app serves', () => {
    expect(themes).toEqual(expect.arrayContaining(appThemes()));
  });

  it.each(themes)('%s: no error from the Italian API guidelines nor from Redocly recommended', async (theme) => {
    const document = await themeApiDocument({ theme, defaultPort: 0 }, loadExchangeConfig(env, { theme, port: 0 }));
    await expectConformingApi(theme, document, spectral);
  });
});
