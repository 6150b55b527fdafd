import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startThemeTestApp } from '@interscambio/exchange/testing';
import type { ThemeTestApp } from '@interscambio/exchange/testing';
import { startRegistryTestApp } from '@interscambio/registry/testing';
import type { RegistryTestApp } from '@interscambio/registry/testing';
import { SchemaCatalog } from '@interscambio/schemas';
import { freePort } from '@interscambio/testing';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

// What an integrator does first with the reference: Authorize with the client credentials of a
// sandbox client, then "Try it out" on a protected operation — in Debian's Chromium, behind the
// local gateway, as `npm start` serves it.
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const THEMES = [
  { theme: 'tributi', type: 'posizione-debitoria', list: '/records/posizione-debitoria' },
  { theme: 'cultura', type: 'evento', list: '/records/evento' },
];

describe("Swagger UI's Authorize and Try it out, through the gateway", () => {
  let registry: RegistryTestApp;
  const themes: ThemeTestApp[] = [];
  let gateway: ChildProcess;
  let base: string;
  let browser: Browser;
  let client: { clientId: string; clientSecret: string };

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    registry = await startRegistryTestApp('docs_authorize');
    for (const { theme } of THEMES) {
      // The gateway is the platform's public address here: events name their schemas behind it.
      const t = await startThemeTestApp({ theme, defaultPort: 0 }, `docs_authorize_${theme}`, {
        TOKEN_JWKS_URL: registry.jwksUrl,
        PUBLIC_URL: base,
      });
      await t.app.listen(0, '127.0.0.1');
      themes.push(t);
    }
    client = await registry.createClient({ ente: '082053', scopes: ['records:read', 'records:write'] });
    const upstreams = [registry.app, ...themes.map((t) => t.app)].map(
      (app, i) =>
        `${i === 0 ? 'registry' : THEMES[i - 1]?.theme}=${(app.getHttpServer().address() as AddressInfo).port}`,
    );
    gateway = spawn(process.execPath, [path.resolve(__dirname, '../../../tools/scripts/gateway.ts')], {
      env: { ...process.env, GATEWAY_PORT: String(port), GATEWAY_UPSTREAMS: upstreams.join(',') },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    await new Promise((resolve) => gateway.stderr?.once('data', resolve));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    gateway?.kill();
    for (const t of themes) await t.close();
    await registry?.close();
  });

  it.each(THEMES)(
    '$theme: Authorize gets a token for the service and Try it out answers 200',
    async ({ theme, list }) => {
      const page = await browser.newPage();
      try {
        await page.goto(`${base}/${theme}/v1/docs`);
        await page.locator('button.authorize').first().click();
        await page.locator('input[id^="client_id_"]').fill(client.clientId);
        await page.locator('input[id^="client_secret_"]').fill(client.clientSecret);
        const token = page.waitForResponse((r) => r.url().endsWith('/registry/v1/oauth/token'));
        await page.locator('.auth-btn-wrapper button.authorize').click();
        expect((await token).status()).toBe(200);
        await page.locator('.btn-done').click();

        const operation = page.locator(`.opblock-get:has([data-path="${list}"])`).first();
        await operation.locator('.opblock-summary').click();
        await operation.locator('.try-out__btn').click();
        const answer = page.waitForResponse((r) => new URL(r.url()).pathname === `/${theme}/v1${list}`);
        await operation.locator('.execute').click();
        expect((await answer).status()).toBe(200);
        const shown = operation.locator('.live-responses-table tr.response .response-col_status').first();
        await shown.waitFor();
        expect((await shown.textContent())?.trim()).toBe('200');
      } finally {
        await page.close();
      }
    },
  );

  it.each(THEMES)("$theme: an event's dataschema answers, through the gateway, the schema with that $id", async (t) => {
    const token = await registry.token(client.clientId, client.clientSecret, t.theme);
    const example = SchemaCatalog.load().find(t.theme, t.type)?.examples[0];
    const put = await fetch(`${base}/${t.theme}/v1/records/${t.type}/082053/dataschema-1`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(example),
    });
    expect(put.status).toBe(201);
    const service = themes[THEMES.indexOf(t)] as ThemeTestApp;
    const { rows } = await service.sql.query<{ dataschema: string }>(
      `select headers->>'ce_dataschema' as dataschema from outbox where key = '082053/dataschema-1'`,
    );
    const dataschema = rows[0]?.dataschema ?? '';
    expect(dataschema.startsWith(`${base}/${t.theme}/v1/`)).toBe(true);
    const schema = await fetch(dataschema);
    expect(schema.status).toBe(200);
    expect(((await schema.json()) as { $id: string }).$id).toBe(dataschema);
  });
});
