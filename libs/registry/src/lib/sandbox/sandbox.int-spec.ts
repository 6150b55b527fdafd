import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { forSuite } from '@interscambio/testing';
import { startRegistryTestApp } from '../../../test';
import { sandboxCommand } from '../commands/sandbox.command';
import type { AgreementView } from '../agreements/agreement.view';
import type { SandboxFile } from './sandbox.file';

class Output extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

describe('node main.js sandbox <file>', () => {
  const t = forSuite(() => startRegistryTestApp('reg_sandbox'));
  let dir: string;
  let file: string;
  let env: Record<string, string>;

  const run = async (): Promise<string> => {
    const out = new Output();
    await sandboxCommand([file], env, out);
    return out.text;
  };
  const read = (): SandboxFile => JSON.parse(readFileSync(file, 'utf8')) as SandboxFile;
  const hashes = async (): Promise<Map<string, string>> =>
    new Map(
      (
        await t.sql.query<{ id: string; secret_hash: string }>(
          "select id, secret_hash from api_client where id like 'sandbox-%'",
        )
      ).rows.map((r) => [r.id, r.secret_hash]),
    );

  beforeAll(async () => {
    env = { ...t.databaseEnv, KAFKA_TOPIC_PREFIX: t.topicPrefix };
    dir = mkdtempSync(path.join(tmpdir(), 'registry-sandbox-'));
    file = path.join(dir, 'sandbox.json');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a working client for every ente, an operator and an admin, in a file only its owner reads', async () => {
    const output = await run();
    expect(output).toMatch(/^sandbox: 194 clients \(194 created, 0 with a new secret, 0 unchanged\); wrote /);
    expect(output).toContain('curl -s -u "sandbox-082053:$(node -p');
    expect(output).toContain('/tributi/v1/records/posizione-debitoria?ente=082053');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const content = read();
    for (const client of content.clients) expect(output).not.toContain(client.clientSecret);
    expect(content.tokenUrl).toBe('/registry/v1/oauth/token');
    expect(content.clients).toHaveLength(194);
    expect(content.clients.find((c) => c.clientId === 'sandbox-082053')).toMatchObject({
      ente: '082053',
      scopes: ['records:read', 'records:write', 'subscriptions'],
    });
    expect(content.clients.find((c) => c.clientId === 'sandbox-operator')).toMatchObject({
      ente: '082000',
      scopes: ['operator', 'records:read'],
    });
    expect(content.clients.find((c) => c.clientId === 'sandbox-admin')).toMatchObject({
      ente: '082000',
      scopes: ['admin'],
    });
    const palermo = content.clients.find((c) => c.clientId === 'sandbox-082053');
    await expect(t.token('sandbox-082053', palermo?.clientSecret as string, 'tributi')).resolves.toMatch(/^ey/);
    // 194 scrypt hashes the first time, on however few cores the test machine has.
  }, 240_000);

  it('sets up the three demo agreements, active, the personale one naming its fields', async () => {
    const operator = read().clients.find((c) => c.clientId === 'sandbox-operator');
    const token = await t.token('sandbox-operator', operator?.clientSecret as string, 'registry');
    const { body } = await t.http.get<{ items: AgreementView[] }>('/agreements?status=active', {
      token,
    });
    expect(
      body.items.map(({ consumer, scope, publisher, theme, type }) => ({ consumer, scope, publisher, theme, type })),
    ).toEqual([
      { consumer: '082006', scope: 'ente', publisher: '082053', theme: 'tributi', type: 'posizione-debitoria' },
      { consumer: '082049', scope: 'metro', publisher: '082000', theme: 'edilizia-catasto', type: 'pratica-edilizia' },
      { consumer: '082006', scope: 'ente', publisher: '082053', theme: 'sociale', type: 'presa-in-carico' },
    ]);
    expect(body.items.find((a) => a.theme === 'sociale')?.fields).toEqual([
      '/beneficiario/codiceFiscale',
      '/areaIntervento',
      '/servizioTitolare',
      '/stato',
      '/dataApertura',
    ]);
  });

  it('changes nothing the second time: same secrets, no new hash, the file left as it was', async () => {
    const before = { content: readFileSync(file, 'utf8'), mtime: statSync(file).mtimeMs, hashes: await hashes() };
    const output = await run();
    expect(output).toMatch(/^sandbox: 194 clients \(0 created, 0 with a new secret, 194 unchanged\); kept /);
    expect(readFileSync(file, 'utf8')).toBe(before.content);
    expect(statSync(file).mtimeMs).toBe(before.mtime);
    expect(await hashes()).toEqual(before.hashes);
    const { rows } = await t.sql.query("select count(*)::int as n from agreement where status = 'active'");
    expect(rows).toEqual([{ n: 3 }]);
  });

  it('gives a new secret only to what is missing or changed, and puts a revoked client back', async () => {
    const content = read();
    const lost = content.clients.find((c) => c.clientId === 'sandbox-083048');
    writeFileSync(file, JSON.stringify({ ...content, clients: content.clients.filter((c) => c !== lost) }), {
      mode: 0o600,
    });
    await t.sql.query(
      "update api_client set revoked_at = now(), scopes = '{records:read}' where id = 'sandbox-082006'",
    );
    await t.sql.query("update api_client set secret_set_at = now() where id = 'sandbox-082001'");
    const before = await hashes();

    const output = await run();
    expect(output).toMatch(/^sandbox: 194 clients \(0 created, 2 with a new secret, 192 unchanged\); wrote /);
    const after = await hashes();
    const changed = [...after].filter(([id, hash]) => before.get(id) !== hash).map(([id]) => id);
    expect(changed.sort()).toEqual(['sandbox-082001', 'sandbox-083048']);
    const restored = read().clients.find((c) => c.clientId === 'sandbox-082006');
    expect(restored?.clientSecret).toBe(content.clients.find((c) => c.clientId === 'sandbox-082006')?.clientSecret);
    await expect(
      t.token('sandbox-082006', restored?.clientSecret as string, 'tributi', 'records:write'),
    ).resolves.toMatch(/^ey/);
    const fresh = read().clients.find((c) => c.clientId === 'sandbox-083048');
    await expect(t.token('sandbox-083048', fresh?.clientSecret as string, 'tributi')).resolves.toMatch(/^ey/);
  });
});
