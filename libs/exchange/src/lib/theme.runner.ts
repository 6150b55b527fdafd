import { Logger } from '@nestjs/common';
import { createServiceLogger, NestPinoLogger } from '@interscambio/observability';
import { loadDatabaseConfig } from './exchange.config';
import { ConfigError } from '@interscambio/config';
import { bootstrapTheme } from './exchange.app';
import type { ThemeOptions } from './exchange.settings';
import { migrateThemeSchema } from './storage/theme.migrations';

/**
 * The whole of a theme's `main.ts`: `node main.js migrate` brings its schema up to date and exits;
 * `node main.js` starts the service. Any failure at start-up is logged and exits with status 1.
 */
export async function runTheme(
  theme: ThemeOptions,
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  // JSON lines from the first one on, the migrate command's included.
  Logger.overrideLogger(new NestPinoLogger(createServiceLogger(theme.theme)));
  const logger = new Logger(theme.theme);
  try {
    if (argv[0] === 'migrate') {
      const db = loadDatabaseConfig(env, theme.theme);
      const applied = await migrateThemeSchema(db.databaseUrl, db.databaseSchema);
      logger.log(`schema ${db.databaseSchema}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
      return;
    }
    await bootstrapTheme(theme, env);
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
