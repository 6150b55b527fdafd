import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { PREVIEW_ENV } from '@interscambio/http';
import { expectConformingApi, italianGuidelinesLinter } from '@interscambio/http/testing';
import { SchemaCatalog } from '@interscambio/schemas';
import type { Spectral } from '@stoplight/spectral-core';
import { loadExchangeConfig } from '../exchange.config';
import { themeApiDocument } from '../exchange.app';

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
    const document = await themeApiDocument(
      { theme, defaultPort: 0 },
      loadExchangeConfig(PREVIEW_ENV, { theme, port: 0 }),
    );
    await expectConformingApi(theme, document, spectral);
  });
});
