import { Logger } from '@nestjs/common';
import { createServiceLogger, NestPinoLogger } from '@interscambio/observability';
import { ConfigError } from '@interscambio/config';
import { ProblemError } from '@interscambio/http';
import { adminClientCommand } from './commands/admin-client.command';
import { sandboxCommand } from './commands/sandbox.command';
import { UsageError } from './commands/usage.error';
import { loadRegistryDatabaseConfig } from './config/registry.config';
import { bootstrapRegistry } from './registry.app';
import { migrateRegistry } from './storage/registry.migrate';

/**
 * The whole of the registry's `main.ts`: `migrate` (schema, then the enti), `sandbox <file>`,
 * `admin-client --ente --name`, or nothing to serve. Any failure is logged and exits with status 1.
 */
export async function runRegistry(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  // JSON lines from the first one on, the commands' included.
  Logger.overrideLogger(new NestPinoLogger(createServiceLogger('registry')));
  const logger = new Logger('registry');
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'migrate': {
        const db = loadRegistryDatabaseConfig(env);
        const { applied, enti } = await migrateRegistry(db);
        logger.log(
          `schema ${db.databaseSchema}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}; ` +
            `${enti.total} enti (${enti.added} new)`,
        );
        return;
      }
      case 'sandbox':
        return await sandboxCommand(args, env, process.stdout);
      case 'admin-client':
        return await adminClientCommand(args, env, process.stdout);
      case undefined:
      case 'serve':
        await bootstrapRegistry(env);
        return;
      default:
        throw new UsageError(
          `unknown command "${command}"`,
          'node main.js [serve | migrate | sandbox <file> | admin-client --ente <code> --name <name>]',
        );
    }
  } catch (error) {
    logger.error(
      error instanceof ConfigError || error instanceof UsageError || error instanceof ProblemError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error),
    );
    process.exit(1);
  }
}
