import { migrateCommand, serviceMain } from '@interscambio/observability';
import { loadNotifierDatabaseConfig } from './config/notifier.config';
import { bootstrapNotifier } from './notifier.app';
import { migrateNotifier } from './storage/notifier.database';

/** The whole of the notifier's `main.ts`: `migrate`, or nothing to serve. */
export const runNotifier = serviceMain('notifier', (env) => ({
  serve: () => bootstrapNotifier(env),
  commands: { migrate: migrateCommand(() => loadNotifierDatabaseConfig(env), migrateNotifier) },
}));
