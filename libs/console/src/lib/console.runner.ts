import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { ConfigError } from '@interscambio/config';
import { createPool } from '@interscambio/persistence';
import { upsertOperator } from './auth/password.authenticator';
import { bootstrapConsole } from './console.app';
import { loadConsoleDatabaseConfig } from './config/console.config';
import { migrateConsole } from './storage/console.database';

export const SANDBOX_OPERATOR_EMAIL = 'operatore@sandbox.interscambio.it';

/**
 * The whole of the console's `main.ts`: `migrate`; `sandbox <file>` (the sandbox operator, its
 * password generated once into <file>, mode 0600); `operator <email> <name>` with the password in
 * CONSOLE_OPERATOR_PASSWORD; or nothing to serve. Any failure exits with status 1.
 */
export async function runConsole(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const logger = new Logger('console');
  try {
    if (argv[0] === 'migrate') {
      const db = loadConsoleDatabaseConfig(env);
      const applied = await migrateConsole(db);
      logger.log(`schema ${db.databaseSchema}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
      return;
    }
    if (argv[0] === 'sandbox' && argv[1]) {
      const password = keptPassword(argv[1]);
      await withOperators(env, (sql) =>
        upsertOperator(sql, { email: SANDBOX_OPERATOR_EMAIL, displayName: 'Operatore sandbox', password }),
      );
      // stdout of `npm start` on the developer's terminal: the sandbox's own login, never a real one.
      process.stdout.write(
        `[console] operatore sandbox: ${SANDBOX_OPERATOR_EMAIL} · password in ${argv[1]} (${password})\n`,
      );
      return;
    }
    if (argv[0] === 'operator') {
      const [, email, ...name] = argv;
      const password = env['CONSOLE_OPERATOR_PASSWORD'];
      if (!email || name.length === 0 || !password || password.length < 12)
        throw new ConfigError(
          'CONSOLE_OPERATOR_PASSWORD',
          'usage: operator <email> <name…>, password of at least 12 characters in CONSOLE_OPERATOR_PASSWORD',
        );
      await withOperators(env, (sql) => upsertOperator(sql, { email, displayName: name.join(' '), password }));
      logger.log('operator saved');
      return;
    }
    await bootstrapConsole(env);
  } catch (error) {
    logger.error(
      error instanceof ConfigError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error),
    );
    process.exit(1);
  }
}

async function withOperators(
  env: NodeJS.ProcessEnv,
  work: (sql: ReturnType<typeof createPool>) => Promise<void>,
): Promise<void> {
  const db = loadConsoleDatabaseConfig(env);
  const sql = createPool(
    { connectionString: db.databaseUrl, max: 1, options: `-c search_path=${db.databaseSchema}` },
    () => undefined,
  );
  try {
    await work(sql);
  } finally {
    await sql.end();
  }
}

function keptPassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const password = randomBytes(12).toString('base64url');
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}
