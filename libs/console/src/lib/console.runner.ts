import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '@interscambio/config';
import { migrateCommand, runService, UsageError } from '@interscambio/observability';
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
export function runConsole(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  return runService(
    'console',
    {
      serve: () => bootstrapConsole(env),
      commands: {
        migrate: migrateCommand(() => loadConsoleDatabaseConfig(env), migrateConsole),
        sandbox: async ([file]) => {
          if (!file) throw new UsageError('sandbox needs the file of the password', 'node main.js sandbox <file>');
          const password = keptPassword(file);
          await withOperators(env, (sql) =>
            upsertOperator(sql, { email: SANDBOX_OPERATOR_EMAIL, displayName: 'Operatore sandbox', password }),
          );
          // stdout of `npm start` on the developer's terminal: the sandbox's own login, never a real one.
          process.stdout.write(
            `[console] operatore sandbox: ${SANDBOX_OPERATOR_EMAIL} · password in ${file} (${password})\n`,
          );
        },
        operator: async ([email, ...name]) => {
          const password = env['CONSOLE_OPERATOR_PASSWORD'];
          if (!email || name.length === 0 || !password || password.length < 12)
            throw new ConfigError(
              'CONSOLE_OPERATOR_PASSWORD',
              'usage: operator <email> <name…>, password of at least 12 characters in CONSOLE_OPERATOR_PASSWORD',
            );
          await withOperators(env, (sql) => upsertOperator(sql, { email, displayName: name.join(' '), password }));
          return 'operator saved';
        },
      },
      usage: 'node main.js [serve | migrate | sandbox <file> | operator <email> <name…>]',
    },
    argv,
  );
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
