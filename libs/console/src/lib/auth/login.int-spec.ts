import { provaTheme } from '@interscambio/exchange/testing';
import type { ProvaTheme } from '@interscambio/exchange/testing';
import { testDatabase, testKafkaBrokers, uniqueName } from '@interscambio/testing';
import type { TestDatabase } from '@interscambio/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool } from 'pg';
import { RegistryOperators } from '../../../test/registry-operators';
import { createConsoleApp, loadConsoleConfig, migrateConsole } from '../../index';
import { MAX_FAILED_LOGINS } from './password.authenticator';

const EMAIL = 'operatore@login.interscambio.it';
const PASSWORD = 'la-password-giusta-di-prova';
const ORIGIN = 'http://localhost:80';

describe('console login against the account the registry keeps (real PostgreSQL)', () => {
  let prova: ProvaTheme;
  let db: TestDatabase;
  let sql: Pool;
  let registry: RegistryOperators;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    prova = provaTheme();
    db = await testDatabase('console_login');
    registry = await RegistryOperators.create('console_login');
    await registry.accounts.save({ email: EMAIL, displayName: 'Operatore', password: PASSWORD });
    const config = loadConsoleConfig({
      DATABASE_URL: db.url,
      DATABASE_SCHEMA: db.schema,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: uniqueName('it-console-login'),
      SCHEMAS_DIR: prova.theme.schemasDir as string,
      CONSOLE_REGISTRY_SCHEMA: registry.schema,
    });
    await migrateConsole(config);
    sql = new Pool({ connectionString: db.url, max: 2, options: `-c search_path=${db.schema}` });
    app = await createConsoleApp(config, { levels: ['error'] });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await sql?.end();
    await db?.drop();
    await registry?.close();
    prova?.remove();
  });

  /** The login form's token and cookie, as a browser gets them. */
  async function loginForm(): Promise<{ token: string; cookie: string }> {
    const page = await app.inject({ method: 'GET', url: '/console/accesso' });
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] as string;
    const cookie = String(page.headers['set-cookie']).split(';')[0] as string;
    return { token, cookie };
  }

  async function login(password: string, options: { origin?: string; token?: string } = {}) {
    const form = await loginForm();
    return app.inject({
      method: 'POST',
      url: '/console/accesso',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: form.cookie,
        origin: options.origin ?? ORIGIN,
        host: 'localhost:80',
      },
      payload: new URLSearchParams({ _csrf: options.token ?? form.token, email: EMAIL, password }).toString(),
    });
  }

  const sessionCookie = (header: string | string[] | undefined): string =>
    ([] as string[])
      .concat(header ?? [])
      .find((c) => c.startsWith('interscambio_console='))
      ?.split(';')[0] as string;

  it('sends a visitor without a session to the login page', async () => {
    const answer = await app.inject({ method: 'GET', url: '/console/panoramica' });
    expect(answer.statusCode).toBe(303);
    expect(answer.headers.location).toBe('/console/accesso');
  });

  it('opens the overview at /console and /console/, and answers an unknown page with problem+json', async () => {
    for (const url of ['/console', '/console/', '/console/?x=1']) {
      const answer = await app.inject({ method: 'GET', url });
      expect([answer.statusCode, answer.headers.location]).toEqual([303, '/console/panoramica']);
    }
    const missing = await app.inject({ method: 'GET', url: '/console/nessuna', headers: { 'accept-language': 'it' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.json()).toMatchObject({ title: 'Non trovato' });
  });

  it('opens a session with an HttpOnly, SameSite=Strict, Secure cookie for the right password', async () => {
    const answer = await login(PASSWORD);
    expect(answer.statusCode).toBe(303);
    expect(answer.headers.location).toBe('/console/panoramica');
    const session = ([] as string[])
      .concat(answer.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('interscambio_console='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(session).toMatch(/Secure/);
    const { rows } = await sql.query<{ id_hash: string }>('select id_hash from operator_session');
    // Only the session id's hash is stored.
    expect(rows.map((r) => r.id_hash)).not.toContain(/interscambio_console=([^;]+)/.exec(session ?? '')?.[1]);
    // The login is recorded on the registry's account.
    const account = await registry.sql.query<{ last_login_at: Date | null }>(
      'select last_login_at from operator where email = $1',
      [EMAIL],
    );
    expect(account.rows[0]?.last_login_at).toBeInstanceOf(Date);
  });

  it("takes the password the registry's account has now, and ends the sessions of an account the registry removed", async () => {
    await registry.accounts.save({ email: EMAIL, displayName: 'Operatore', password: 'una-nuova-password-di-prova' });
    expect((await login(PASSWORD)).statusCode).toBe(401);
    const opened = await login('una-nuova-password-di-prova');
    expect(opened.statusCode).toBe(303);
    const cookie = sessionCookie(opened.headers['set-cookie']);
    const signedIn = await app.inject({ method: 'GET', url: '/console/panoramica', headers: { cookie } });
    expect(signedIn.statusCode).toBe(200);

    const { rows } = await registry.sql.query<{ id: string }>('select id::text from operator where email = $1', [
      EMAIL,
    ]);
    await registry.sql.query('delete from operator where email = $1', [EMAIL]);
    const removed = await app.inject({ method: 'GET', url: '/console/panoramica', headers: { cookie } });
    expect([removed.statusCode, removed.headers.location]).toEqual([303, '/console/accesso']);
    // Back as it was, same id, for the tests below.
    await registry.sql.query(`insert into operator (id, email, display_name) values ($1, $2, 'Operatore')`, [
      rows[0]?.id,
      EMAIL,
    ]);
    await registry.accounts.save({ email: EMAIL, displayName: 'Operatore', password: PASSWORD });
  });

  it("keeps no operator table of its own: its sessions name the registry's accounts", async () => {
    const { rows } = await sql.query<{ own: boolean; registry: boolean }>(
      `select to_regclass($1) is not null as own, to_regclass($2) is not null as registry`,
      [`"${db.schema}"."operator"`, `"${registry.schema}"."operator"`],
    );
    expect(rows[0]).toEqual({ own: false, registry: true });
    const references = await sql.query(
      `select conname from pg_constraint where contype = 'f' and connamespace = $1::regnamespace`,
      [db.schema],
    );
    expect(references.rows).toEqual([{ conname: 'dead_letter_action_dead_letter_id_fkey' }]);
  });

  it("refuses to start on a registry schema without the operators' table, naming the variable", async () => {
    const config = loadConsoleConfig({
      DATABASE_URL: db.url,
      DATABASE_SCHEMA: db.schema,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      SCHEMAS_DIR: prova.theme.schemasDir as string,
      CONSOLE_REGISTRY_SCHEMA: db.schema,
    });
    await expect(createConsoleApp(config, { levels: ['error'] })).rejects.toThrow(
      /CONSOLE_REGISTRY_SCHEMA\) has no operator table/,
    );
  });

  it('refuses a login from another origin, or without the form token', async () => {
    expect((await login(PASSWORD, { origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await login(PASSWORD, { token: 'not-the-token' })).statusCode).toBe(403);
  });

  it(`locks the account after ${MAX_FAILED_LOGINS} wrong passwords, even against the right one, and says so in Italian`, async () => {
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      const wrong = await login('sbagliata');
      expect(wrong.statusCode).toBe(401);
      expect(wrong.body).toContain('Indirizzo e-mail o password non corretti.');
    }
    expect((await login('sbagliata')).statusCode).toBe(429);
    const right = await login(PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(right.body).toContain('accesso è bloccato fino alle');
    // The lock is the registry's account's, so every replica of the console sees it.
    const { rows } = await registry.sql.query<{ failed_logins: number; locked: boolean }>(
      'select failed_logins, locked_until > now() as locked from operator where email = $1',
      [EMAIL],
    );
    expect(rows[0]).toEqual({ failed_logins: MAX_FAILED_LOGINS, locked: true });
  });
});
