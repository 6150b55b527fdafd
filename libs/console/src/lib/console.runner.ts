import { migrateCommand, serviceMain } from '@interscambio/observability';
import { bootstrapConsole } from './console.app';
import { loadConsoleDatabaseConfig } from './config/console.config';
import { migrateConsole } from './storage/console.database';

/**
 * The whole of the console's `main.ts`: `migrate`, or nothing to serve. Any failure exits with
 * status 1. Operators' accounts are the registry's: its `operator` and `sandbox-operator` commands.
 */
export const runConsole = serviceMain('console', (env) => ({
  serve: () => bootstrapConsole(env),
  commands: { migrate: migrateCommand(() => loadConsoleDatabaseConfig(env), migrateConsole) },
  usage: 'node main.js [serve | migrate]',
}));
