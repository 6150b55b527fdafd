import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { clientCredentials, notifierClient, themeClient } from '@interscambio/client';
import { startThemeTestApp } from '@interscambio/exchange/testing';
// The guide spans the registry, a theme and the notifier, as `npm start` serves them: this end-to-end
// test alone starts services of several scopes side by side (it imports none of their internals).
/* eslint-disable @nx/enforce-module-boundaries */
import { createNotifierApp, loadNotifierConfig, migrateNotifier } from '@interscambio/notifier';
import { startRegistryTestApp } from '@interscambio/registry/testing';
/* eslint-enable @nx/enforce-module-boundaries */
import { guideCommands } from '@interscambio/portal';
import { forSuite, testDatabase, testKafkaBrokers } from '@interscambio/testing';
import { startBehindGateway } from '../test/behind-gateway';

const run = promisify(execFile);
const unescape = (text: string): string =>
  text.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '',
  );

describe('the getting-started guide of the portal, run as written against the services', () => {
  const site = forSuite(
    () =>
      startBehindGateway(async (base) => {
        const registry = await startRegistryTestApp('portal_guide');
        const tributi = await startThemeTestApp({ theme: 'tributi', defaultPort: 0 }, 'portal_guide_tributi', {
          TOKEN_JWKS_URL: registry.jwksUrl,
          PUBLIC_URL: base,
        });
        await tributi.app.listen(0, '127.0.0.1');
        const db = await testDatabase('portal_guide_notifier');
        const config = loadNotifierConfig({
          DATABASE_URL: db.url,
          DATABASE_SCHEMA: db.schema,
          KAFKA_BROKERS: testKafkaBrokers().join(','),
          KAFKA_TOPIC_PREFIX: tributi.topicPrefix,
          TOKEN_JWKS_URL: registry.jwksUrl,
          NOTIFIER_SANDBOX: 'on',
          HOST: '127.0.0.1',
          PORT: '0',
        });
        await migrateNotifier(config);
        const notifier = await createNotifierApp(config, { levels: ['error', 'warn'] });
        await notifier.listen(0, '127.0.0.1');
        const close = async (): Promise<void> => {
          await notifier.close();
          await db.drop();
        };
        return { registry, tributi, notifier: { app: notifier, close } };
      }),
    { timeout: 180_000 },
  );
  let client: { clientId: string; clientSecret: string };
  let workdir: string;

  beforeAll(async () => {
    // What `npm start` writes to .devstack/sandbox-credentials.json, for a client of Palermo.
    client = await site.upstreams.registry.createClient({
      ente: '082053',
      scopes: ['records:read', 'records:write', 'subscriptions'],
    });
    workdir = mkdtempSync(path.join(tmpdir(), 'guida-'));
    writeFileSync(
      path.join(workdir, 'credenziali.json'),
      JSON.stringify({
        clients: [{ ente: '082053', ...client, scopes: ['records:read', 'records:write', 'subscriptions'] }],
      }),
    );
  });

  it('shows on /docs/guida the same shell blocks as its source, one per step', async () => {
    const page = await fetch(`${site.base}/docs/guida`);
    expect(page.status).toBe(200);
    const shown = [...(await page.text()).matchAll(/<pre><code class="language-sh">([\s\S]*?)<\/code><\/pre>/g)].map(
      (m) => unescape(m[1] ?? ''),
    );
    expect(shown).toEqual(guideCommands());
    expect(shown).toHaveLength(6);
  });

  it('runs every command of the page in bash: token, PUT, read, feed and webhook all succeed', async () => {
    const html = await (await fetch(`${site.base}/docs/guida`)).text();
    const script = [...html.matchAll(/<pre><code class="language-sh">([\s\S]*?)<\/code><\/pre>/g)]
      .map((m) => unescape(m[1] ?? ''))
      .join('\n');
    const { stdout, stderr } = await run('bash', ['-euo', 'pipefail', '-c', script], {
      cwd: workdir,
      env: { ...process.env, INTERSCAMBIO_URL: site.base, CREDENZIALI: 'credenziali.json', CLIENT_ID: client.clientId },
    }).catch((error: { stdout: string; stderr: string }) => error);
    // A failing step's problem+json (curl --fail-with-body prints it) is the message of a failure here.
    expect(stderr ? `${stderr}\n${stdout}` : '').toBe('');
    // The subscription's answer carries its signing secret, shown once.
    expect(stdout).toMatch(/"secret":"whsec_/);

    // What the guide promised is there, read back through the typed client an integrator would use.
    const auth = clientCredentials({ baseUrl: site.base, ...client, audience: 'tributi notifier' });
    const api = themeClient('tributi', { baseUrl: site.base, auth });
    const record = await api.GET('/records/posizione-debitoria/{ente}/{key}', {
      params: { path: { ente: '082053', key: 'GUIDA-TARI-2024-0001' } },
    });
    expect(record.response.status).toBe(200);
    expect(record.data?.importo).toBe(28750);
    const feed = await api.GET('/feed', { params: { query: { types: 'posizione-debitoria' } } });
    expect(feed.data?.items.map((i) => [i.key, i.operation])).toEqual([['GUIDA-TARI-2024-0001', 'created']]);
    const subscriptions = await notifierClient({ baseUrl: site.base, auth }).GET('/subscriptions', {
      parseAs: 'json',
    });
    const { items } = subscriptions.data as unknown as { items: { callbackUrl: string; status: string }[] };
    expect(items.map((s) => [s.callbackUrl, s.status])).toEqual([
      ['http://localhost:9999/interscambio/webhook', 'active'],
    ]);
  }, 60_000);
});
