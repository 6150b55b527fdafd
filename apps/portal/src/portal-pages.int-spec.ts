import { readFileSync } from 'node:fs';
import { startThemeTestApp } from '@interscambio/exchange/testing';
import { forSuite } from '@interscambio/testing';
import { chromium } from 'playwright-core';
import { startBehindGateway } from '../test/behind-gateway';

// The portal as an integrator meets it: behind the gateway, in Debian's Chromium, with the CSP it
// sends. axe-core checks landmarks, names, labels and contrast (WCAG 2.1 AA) on every kind of page.
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PAGES = [
  '/docs',
  '/docs/guida',
  '/docs/api',
  '/docs/api/tributi',
  '/docs/eventi',
  '/docs/eventi/tributi',
  '/docs/schemi',
  '/docs/schemi/tributi/posizione-debitoria',
  '/docs/schemi/tributi/posizione-debitoria/differenze?da=1&a=1',
];

describe('the portal pages in a browser', () => {
  const site = forSuite(
    () =>
      startBehindGateway(async (base) => {
        const tributi = await startThemeTestApp({ theme: 'tributi', defaultPort: 0 }, 'portal_pages', {
          PUBLIC_URL: base,
        });
        await tributi.app.listen(0, '127.0.0.1');
        return { tributi };
      }),
    { timeout: 120_000 },
  );
  const browser = forSuite(() => chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] }));

  it.each(PAGES)(
    '%s: Italian, loads nothing from elsewhere, breaks no CSP rule and has no WCAG 2.1 AA violation',
    async (url) => {
      const page = await browser.newPage();
      const foreign: string[] = [];
      const errors: string[] = [];
      page.on(
        'request',
        (r) => !r.url().startsWith(site.base) && !r.url().startsWith('data:') && foreign.push(r.url()),
      );
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      try {
        const answer = await page.goto(`${site.base}${url}`);
        expect(answer?.status()).toBe(200);
        expect(answer?.headers()['content-security-policy']).toMatch(/script-src 'self';/);
        expect(await page.getAttribute('html', 'lang')).toBe('it');
        if (url === '/docs/api/tributi') await page.locator('.opblock').first().waitFor();
        // axe goes in through the DevTools protocol, which the page's CSP does not govern.
        await page.evaluate(AXE);
        const violations = await page.evaluate(async () => {
          const axe = (
            globalThis as unknown as {
              axe: { run(context: object, o: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
            }
          ).axe;
          // Swagger UI's own widget is left out: our page around it is what this checks.
          const result = await axe.run(
            { exclude: [['#riferimento']] },
            {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] },
            },
          );
          return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
        });
        expect({ foreign, errors, violations }).toEqual({ foreign: [], errors: [], violations: [] });
      } finally {
        await page.close();
      }
    },
    60_000,
  );

  it('sends /docs/, the address people type, to the home at /docs', async () => {
    const answer = await fetch(`${site.base}/docs/`, { redirect: 'manual' });
    expect({ status: answer.status, location: answer.headers.get('location') }).toEqual({
      status: 301,
      location: '/docs',
    });
    expect((await fetch(`${site.base}/docs/`)).status).toBe(200);
  });

  it("shows a type's visibility and the examples of its schema", async () => {
    const text = await (await fetch(`${site.base}/docs/schemi/tributi/posizione-debitoria`)).text();
    expect(text).toMatch(/Visibilità: <strong>(pubblico|interno|riservato|personale)<\/strong>/);
    expect(text).toContain('<h2>Esempi</h2>');
    expect(text).toContain('&quot;numeroAvviso&quot;');
  });

  it('answers an unknown record type with problem+json naming where the list is', async () => {
    const answer = await fetch(`${site.base}/docs/schemi/tributi/nessuno`);
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await answer.json()) as { detail: string }).detail).toMatch(/tributi\/nessuno.*\/docs\/schemi/);
  });

  it.each([
    ['/docs/api/nessuno', /^Nessun servizio "nessuno": \/docs\/api li elenca\.$/],
    ['/docs/eventi/nessuno', /^Nessun tema "nessuno": \/docs\/eventi li elenca\.$/],
    ['/docs/schemi/tributi/versamento/versioni/7.json', /^tributi\/versamento non ha 7\.json; ha 1\.json\.$/],
  ])('answers %s, which the portal does not have, with a 404 naming what it has', async (page, detail) => {
    const answer = await fetch(`${site.base}${page}`);
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await answer.json()) as { detail: string }).detail).toMatch(detail);
  });

  it('refuses a comparison without both versions with 400, and names the versions a type has', async () => {
    const missing = await fetch(`${site.base}/docs/schemi/tributi/versamento/differenze?da=1`);
    expect(missing.status).toBe(400);
    const unknown = await fetch(`${site.base}/docs/schemi/tributi/versamento/differenze?da=1&a=7`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { detail: string }).detail).toMatch(/non ha la versione 7; ha 1/);
  });
});
