import { Logger } from '@nestjs/common';
import { ConfigError } from '@interscambio/config';
import { bootstrapConsole } from './console.app';
import { loadConsoleDatabaseConfig } from './config/console.config';
import { migrateConsole } from './storage/console.database';

/**
 * The whole of the console's `main.ts`: `migrate`, or nothing to serve. Any failure exits with
 * status 1. Operators' accounts are the registry's: its `operator` and `sandbox-operator` commands.
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
