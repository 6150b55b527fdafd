import { migrateCommand, runService } from '@interscambio/observability';
import { bootstrapConsole } from './console.app';
import { loadConsoleDatabaseConfig } from './config/console.config';
import { migrateConsole } from './storage/console.database';

/**
 * The whole of the console's `main.ts`: `migrate`, or nothing to serve. Any failure exits with
 * status 1. Operators' accounts are the registry's: its `operator` and `sandbox-operator` commands.
 */
export function runConsole(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  return runService(
    'console',
    {
      serve: () => bootstrapConsole(env),
      commands: { migrate: migrateCommand(() => loadConsoleDatabaseConfig(env), migrateConsole) },
      usage: 'node main.js [serve | migrate]',
    },
    argv,
  );
}
