import { migrateCommand, serviceMain } from '@interscambio/observability';
import { loadDatabaseConfig } from './exchange.config';
import { bootstrapTheme } from './exchange.app';
import type { ThemeOptions } from './exchange.settings';
import { migrateThemeSchema } from './storage/theme.migrations';

/** The whole of a theme's `main.ts`: `node main.js migrate` brings its schema up to date; `node main.js` serves. */
export function runTheme(theme: ThemeOptions, argv?: string[], env?: NodeJS.ProcessEnv): Promise<void> {
  return serviceMain(theme.theme, (given) => ({
    serve: () => bootstrapTheme(theme, given),
    commands: {
      migrate: migrateCommand(
        () => loadDatabaseConfig(given, theme.theme),
        (db) => migrateThemeSchema(db.databaseUrl, db.databaseSchema),
      ),
    },
  }))(argv, env);
}
