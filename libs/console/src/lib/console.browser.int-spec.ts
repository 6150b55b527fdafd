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

  it('logs in, shows a published record, traces it with its offset, replays one dead letter and discards another, shows the traffic in Flussi and Enti, logs out, with no serious accessibility violation', async () => {
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

    // Scarta: another record fails; the operator discards its dead letter with a reason, which is audited.
    stack.group.failing = true;
    const discardKey = `avviso-scarto-${Date.now()}`;
    const discardId = await stack.publish('082053', discardKey);
    await waitFor(() => stack.group.seen.has(discardId));
    await page.getByRole('link', { name: 'Messaggi scartati' }).click();
    const toDiscard = page.locator('[data-dead-letter]', { hasText: discardKey });
    await toDiscard.getByLabel('Motivo dello scarto').fill('Avviso di prova, da non rielaborare');
    await toDiscard.getByRole('button', { name: /^Scarta il messaggio/ }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Messaggio \d+ scartato\./ })
      .waitFor();
    const discarded = page.locator('[data-dead-letter]', { hasText: discardKey });
    await expectText(discarded.locator('[data-status]'), 'Scartato');
    await expectText(discarded, `${OPERATOR.email}`);
    await expectText(discarded, 'motivo: Avviso di prova, da non rielaborare');
    await check('07-scartati-scartato');
    const audit = await stack.sql.query<{ action: string; reason: string | null; operator_email: string; key: string }>(
      `select a.action, a.reason, a.operator_email, d.key from dead_letter_action a
       join dead_letter d on d.id = a.dead_letter_id order by a.id`,
    );
    expect(audit.rows).toEqual([
      { action: 'replayed', reason: null, operator_email: OPERATOR.email, key: expect.stringContaining(key) },
      {
        action: 'discarded',
        reason: 'Avviso di prova, da non rielaborare',
        operator_email: OPERATOR.email,
        key: expect.stringContaining(discardKey),
      },
    ]);

    // Flussi, from this test's traffic: the record topic holds the two events and the one replay, its
    // .dlq the two failures; the failing group is listed under the theme; the outbox has emptied.
    const topic = `${stack.theme.topicPrefix}.prova.avviso`;
    await page.getByRole('link', { name: 'Flussi' }).click();
    await page.locator('#flussi').getByText(`${topic}.dlq`).first().waitFor();
    await until(async () => (await endOffsets(page, topic)) === 3 && (await endOffsets(page, `${topic}.dlq`)) === 2);
    await expectText(page.locator(`tr[data-group="${stack.failingGroup}"]`), 'prova');
    await expectText(page.locator('tr[data-outbox="prova"] td').first(), '0');
    await check('08-flussi');

    // Enti: Palermo with the two records it published in this test.
    await page.getByRole('link', { name: 'Enti' }).click();
    const palermo = page.locator('tr[data-ente="082053"]');
    await expectText(palermo.getByRole('rowheader'), 'Palermo');
    await expectText(palermo.locator('td[data-records="prova"]'), '2');
    await check('09-enti');

    // Esci: the session ends on the server, the cookie is cleared, and the pages ask for a login again.
    const session = (await page.context().cookies()).find((c) => c.name === 'interscambio_console');
    expect(session).toBeDefined();
    expect(await count(stack, 'select count(*)::int as n from operator_session')).toBe(1);
    await page.getByRole('button', { name: 'Esci' }).click();
    await page.waitForURL('**/console/accesso');
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('interscambio_console');
    expect(await count(stack, 'select count(*)::int as n from operator_session')).toBe(0);
    const replayed = await page.request.get('/console/panoramica', {
      headers: { cookie: `interscambio_console=${session?.value}` },
      maxRedirects: 0,
    });
    expect([replayed.status(), replayed.headers()['location']]).toEqual([303, '/console/accesso']);
    await page.goto('/console/panoramica');
    await page.waitForURL('**/console/accesso');

    expect(problems).toEqual([]);
  }, 600_000);
});

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (const limit = Date.now() + WAIT; !(await condition());) {
    if (Date.now() > limit) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The sum of the end offsets the Flussi page shows for the topic's partitions. */
async function endOffsets(page: Page, topic: string): Promise<number> {
  const values = await page
    .locator(`tr[data-topic="${topic}"] td[data-end-offset]`)
    .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-end-offset'))));
  return values.reduce((a, b) => a + b, 0);
}

async function count(stack: ConsoleStack, query: string): Promise<number> {
  return (await stack.sql.query<{ n: number }>(query)).rows[0]?.n ?? -1;
}

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
