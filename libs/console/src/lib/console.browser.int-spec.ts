import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { ConsoleStack, OPERATOR } from '../../test/console-stack';

// Screenshots are test artifacts, kept under dist/ (git-ignored).
const ARTIFACTS = path.resolve(__dirname, '../../../../dist/test-artifacts/console');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// A slow 2-core machine runs PostgreSQL, Kafka and the services beside the browser: conditions are
// awaited for long, and nothing sleeps.
const WAIT = 90_000;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core in the page (through the DevTools protocol: the page's CSP stays as it is), WCAG 2.1 A and AA. */
async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  // A string: it runs in the page, where `axe` and `document` are.
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations)`,
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${page.url()}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

describe('the operators console in a real browser, on the real stack', () => {
  let stack: ConsoleStack;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  const shot = (name: string): Promise<Buffer> =>
    page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  const check = async (name: string): Promise<void> => {
    await shot(name);
    problems.push(...(await accessibilityProblems(page)));
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    stack = await ConsoleStack.start('console_browser');
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    page = await browser.newPage({ baseURL: stack.consoleUrl, locale: 'it-IT' });
    page.setDefaultTimeout(WAIT);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  }, 120_000);

  it('logs in, shows a published record, traces it with its offset, replays its dead letter, with no serious accessibility violation', async () => {
    await page.goto('/console/panoramica');
    await page.waitForURL('**/console/accesso');
    await check('01-accesso');
    await page.getByLabel('Indirizzo e-mail').fill(OPERATOR.email);
    await page.getByLabel('Password').fill(OPERATOR.password);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.waitForURL('**/console/panoramica');

    // The console has scraped the theme once (its baseline) before the record is written.
    await page.locator('#stato tr', { hasText: 'prova' }).getByText('Attivo').waitFor();
    const key = `avviso-console-${Date.now()}`;
    const eventId = await stack.publish('082053', key);

    // Live updates bring the record and the count onto the overview without a reload.
    await page.locator('#ultimi-record').getByRole('link', { name: key }).waitFor();
    await page
      .locator('tr[data-theme="prova"] td[data-accepted]')
      .filter({ hasText: /^[1-9]/ })
      .waitFor();
    await check('02-panoramica');

    // The failing group has seen the event (and sent it to the .dlq): its offset is the one to find.
    await waitFor(() => stack.group.seen.has(eventId));
    const offset = stack.group.seen.get(eventId)?.offset as string;
    await page.getByRole('link', { name: 'Traccia record' }).click();
    await page.getByLabel('Tipo').fill('avviso');
    await page.getByLabel('Ente (codice ISTAT)').fill('082053');
    await page.getByLabel('Chiave').fill(key);
    await page.getByRole('button', { name: 'Cerca' }).click();
    await check('03-traccia-ricerca');
    await page.getByRole('link', { name: `avviso 082053/${key}` }).click();
    await page.locator('[data-record-key]', { hasText: key }).waitFor();
    await expectText(page.locator('td[data-offset]').first(), offset);
    await check('04-traccia-record');

    // Messaggi scartati: the dead letter appears (live), the operator replays it, the consumer now handles it.
    await page.getByRole('link', { name: 'Messaggi scartati' }).click();
    const letter = page.locator('[data-dead-letter]', { hasText: key });
    await letter.waitFor();
    await expectText(letter, 'rifiutato di proposito dal test');
    await check('05-scartati');
    stack.group.failing = false;
    await letter.getByRole('button', { name: /^Riproduci il messaggio/ }).click();
    await page.getByRole('status').filter({ hasText: 'Messaggio riprodotto.' }).waitFor();
    await expectText(page.locator('[data-dead-letter]', { hasText: key }).locator('[data-status]'), 'Riprodotto');
    await waitFor(() => stack.group.handled.has(eventId));
    await check('06-scartati-riprodotto');

    // Traccia record shows the failing group among the consumers that handled the record.
    await page.goto(`/console/traccia/record?tema=prova&tipo=avviso&ente=082053&chiave=${encodeURIComponent(key)}`);
    await page.getByRole('cell', { name: stack.failingGroup }).waitFor();

    await page.getByRole('link', { name: 'Flussi' }).click();
    await page.locator('#flussi').getByText(`${stack.theme.topicPrefix}.prova.avviso.dlq`).first().waitFor();
    await check('07-flussi');
    await page.getByRole('link', { name: 'Enti' }).click();
    await page.getByRole('row', { name: /082053/ }).waitFor();
    await check('08-enti');

    expect(problems).toEqual([]);
  }, 600_000);
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (const until = Date.now() + WAIT; !condition();) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function expectText(locator: ReturnType<Page['locator']>, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
  expect(await locator.first().textContent()).toContain(text);
}
