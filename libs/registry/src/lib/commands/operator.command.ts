import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OperatorAccounts } from '@interscambio/access';
import type { Env } from '@interscambio/config';
import { UsageError } from '@interscambio/observability';
import { withCommandDatabase } from './command-database';
import { commandOptions } from './command-options';

export const SANDBOX_OPERATOR_EMAIL = 'operatore@sandbox.interscambio.it';
const USAGE = 'OPERATOR_PASSWORD=… node main.js operator --email <email> --name <name>';
const SANDBOX_USAGE = 'node main.js sandbox-operator <file>';
const MIN_PASSWORD = 12;

/**
 * An operator of the console (a person), created or given a new password (which unlocks it). The
 * password comes from OPERATOR_PASSWORD, never from the command line that `ps` and shell history show.
 */
export async function operatorCommand(args: string[], env: Env): Promise<string> {
  const { email, name } = commandOptions(args, ['email', 'name'], USAGE);
  const password = env['OPERATOR_PASSWORD'];
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) throw new UsageError('--email must be an e-mail address', USAGE);
  if (!name?.trim()) throw new UsageError('--name is required', USAGE);
  if (!password || password.length < MIN_PASSWORD)
    throw new UsageError(`OPERATOR_PASSWORD must hold a password of at least ${MIN_PASSWORD} characters`, USAGE);
  const saved = await withCommandDatabase(env, (db) =>
    new OperatorAccounts(db.sql, db.schema).save({ email, displayName: name.trim(), password }),
  );
  return `operator ${saved.id} ${saved.created ? 'created' : 'updated'}`;
}

/**
 * The sandbox's operator, for `npm start`: its password generated once into <file> (mode 0600) and
 * set again from it at every start. The password stays in the file, never in a terminal or a log.
 */
export async function sandboxOperatorCommand(args: string[], env: Env, out: NodeJS.WritableStream): Promise<void> {
  const [file, ...rest] = args;
  if (!file || rest.length > 0)
    throw new UsageError('the sandbox-operator command takes the password file', SANDBOX_USAGE);
  const password = keptPassword(path.resolve(file));
  await withCommandDatabase(env, (db) =>
    new OperatorAccounts(db.sql, db.schema).save({
      email: SANDBOX_OPERATOR_EMAIL,
      displayName: 'Operatore sandbox',
      password,
    }),
  );
  out.write(`operatore sandbox della console: ${SANDBOX_OPERATOR_EMAIL}, password: cat ${file}\n`);
}

function keptPassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const password = randomBytes(12).toString('base64url');
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}
