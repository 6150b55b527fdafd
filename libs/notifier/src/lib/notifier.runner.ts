import { migrateCommand, runService } from '@interscambio/observability';
import { loadNotifierDatabaseConfig } from './config/notifier.config';
import { bootstrapNotifier } from './notifier.app';
import { migrateNotifier } from './storage/notifier.database';

/** The whole of the notifier's `main.ts`: `migrate`, or nothing to serve. */
export function runNotifier(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  return runService(
    'notifier',
    {
      serve: () => bootstrapNotifier(env),
      commands: {
        migrate: migrateCommand(() => loadNotifierDatabaseConfig(env), migrateNotifier),
      },
    },
    argv,
  );
}
