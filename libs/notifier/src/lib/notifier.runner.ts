import { Logger } from '@nestjs/common';
import { ConfigError } from '@interscambio/config';
import { loadNotifierDatabaseConfig } from './config/notifier.config';
import { bootstrapNotifier } from './notifier.app';
import { migrateNotifier } from './storage/notifier.database';

/** The whole of the notifier's `main.ts`: `migrate`, or nothing to serve. Any failure exits with status 1. */
export async function runNotifier(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const logger = new Logger('notifier');
  try {
    if (argv[0] === 'migrate') {
      const db = loadNotifierDatabaseConfig(env);
      const applied = await migrateNotifier(db);
      logger.log(`schema ${db.databaseSchema}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
      return;
    }
    await bootstrapNotifier(env);
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
