import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { UsageError } from '@interscambio/observability';
import { verifyPassword } from '@interscambio/access';
import { forSuite } from '@interscambio/testing';
import { startRegistryTestApp } from '../../../test';
import { operatorCommand, SANDBOX_OPERATOR_EMAIL, sandboxOperatorCommand } from './operator.command';

class Output extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

interface OperatorRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  failed_logins: number;
  locked_until: Date | null;
}

describe("the console's operators, kept by the registry (real PostgreSQL)", () => {
  const t = forSuite(() => startRegistryTestApp('reg_operator'));
  let dir: string;
  let env: Record<string, string>;

  const account = async (email: string): Promise<OperatorRow[]> =>
    (await t.sql.query<OperatorRow>('select * from operator where email = $1', [email])).rows;

  beforeAll(async () => {
    env = t.databaseEnv;
    dir = mkdtempSync(path.join(tmpdir(), 'registry-operator-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sandbox-operator creates the sandbox operator in the registry, its password only in a file its owner reads', async () => {
    const file = path.join(dir, 'console-operator-password');
    const out = new Output();
    await sandboxOperatorCommand([file], env, out);
    const password = readFileSync(file, 'utf8');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(out.text).toBe(`operatore sandbox della console: ${SANDBOX_OPERATOR_EMAIL}, password: cat ${file}\n`);
    expect(out.text).not.toContain(password);
    const [row] = await account(SANDBOX_OPERATOR_EMAIL);
    expect(row?.password_hash).toMatch(/^scrypt\$/);
    expect(row?.password_hash).not.toContain(password);
    await expect(verifyPassword(password, row?.password_hash ?? '')).resolves.toBe(true);

    // Every `npm start` runs it again: the same password, the same account.
    await sandboxOperatorCommand([file], env, new Output());
    expect(readFileSync(file, 'utf8')).toBe(password);
    const again = await account(SANDBOX_OPERATOR_EMAIL);
    expect(again.map((r) => r.id)).toEqual([row?.id]);
    await expect(verifyPassword(password, again[0]?.password_hash ?? '')).resolves.toBe(true);
  });

  it('operator creates an account from OPERATOR_PASSWORD, and a new password unlocks a locked one', async () => {
    const email = 'Mario.Rossi@Cittametropolitana.pa.it';
    const created = await operatorCommand(['--email', email, '--name', 'Mario Rossi'], {
      ...env,
      OPERATOR_PASSWORD: 'prima-password-lunga',
    });
    expect(created).toMatch(/^operator [0-9a-f-]{36} created$/);
    const [row] = await account(email.toLowerCase());
    expect(row).toMatchObject({ display_name: 'Mario Rossi', failed_logins: 0, locked_until: null });

    await t.sql.query(`update operator set failed_logins = 5, locked_until = now() + interval '15 minutes'`);
    const updated = await operatorCommand(['--email', email, '--name', 'Mario Rossi'], {
      ...env,
      OPERATOR_PASSWORD: 'seconda-password-lunga',
    });
    expect(updated).toBe(`operator ${row?.id} updated`);
    const [after] = await account(email.toLowerCase());
    expect(after).toMatchObject({ failed_logins: 0, locked_until: null });
    await expect(verifyPassword('seconda-password-lunga', after?.password_hash ?? '')).resolves.toBe(true);
    await expect(verifyPassword('prima-password-lunga', after?.password_hash ?? '')).resolves.toBe(false);
  });

  it.each([
    [['--email', 'x@y.it', '--name', 'X'], {}, /OPERATOR_PASSWORD/],
    [['--email', 'x@y.it', '--name', 'X'], { OPERATOR_PASSWORD: 'corta' }, /at least 12/],
    [['--email', 'non-una-email', '--name', 'X'], { OPERATOR_PASSWORD: 'abbastanza-lunga' }, /--email/],
    [['--email', 'x@y.it'], { OPERATOR_PASSWORD: 'abbastanza-lunga' }, /--name/],
    [['--password', 'in-chiaro'], { OPERATOR_PASSWORD: 'abbastanza-lunga' }, /password/],
  ])('operator %j refuses with a usage error and saves nothing', async (args, extra, message) => {
    const refused = operatorCommand(args, { ...env, ...extra });
    await expect(refused).rejects.toThrow(UsageError);
    await expect(operatorCommand(args, { ...env, ...extra })).rejects.toThrow(message);
    expect(await account('x@y.it')).toEqual([]);
  });

  it('answers no HTTP route about operators: accounts are read over PostgreSQL only, never verified or listed over HTTP', () => {
    const routes = t.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
    expect(routes).toContain('oauth/token');
    expect(routes).not.toMatch(/operator|password/i);
  });
});
