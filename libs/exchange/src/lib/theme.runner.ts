import { migrateCommand, runService } from '@interscambio/observability';
import { loadDatabaseConfig } from './exchange.config';
import { bootstrapTheme } from './exchange.app';
import type { ThemeOptions } from './exchange.settings';
import { migrateThemeSchema } from './storage/theme.migrations';

/** The whole of a theme's `main.ts`: `node main.js migrate` brings its schema up to date; `node main.js` serves. */
export function runTheme(
  theme: ThemeOptions,
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  return runService(
    theme.theme,
    {
      serve: () => bootstrapTheme(theme, env),
      commands: {
        migrate: migrateCommand(
          () => loadDatabaseConfig(env, theme.theme),
          (db) => migrateThemeSchema(db.databaseUrl, db.databaseSchema),
        ),
      },
    },
    argv,
  );
}
