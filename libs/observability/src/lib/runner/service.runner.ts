import { Logger } from '@nestjs/common';
import { ConfigError } from '@interscambio/config';
import { NestPinoLogger } from '../logs/nest-logger';
import { createServiceLogger } from '../logs/service-logger';
import type { LogDestination } from '../logs/service-logger';
import { UsageError } from './usage.error';

/** A command of a service's `main.js`: it gets the arguments after its name; a line it returns is logged. */
export type ServiceCommand = (args: string[]) => Promise<string | void>;

export interface ServiceCommands {
  /** `node main.js` or `node main.js serve`. */
  serve: () => Promise<unknown>;
  /** `node main.js <name> …`: `migrate` for every service, more for some. */
  commands: Record<string, ServiceCommand>;
  /** The usage line printed with an unknown command (default: the commands' names). */
  usage?: string;
  /** Failures whose message says it all, logged without a stack (a ConfigError or UsageError always is). */
  expected?: (error: unknown) => boolean;
}

/**
 * The whole of a service's `main.ts`: serves, or runs one command and returns. Every line is JSON
 * from the first one on, the commands' included; any failure is logged and exits with status 1.
 */
export async function runService(
  service: string,
  { serve, commands, usage, expected }: ServiceCommands,
  argv: string[] = process.argv.slice(2),
  /** Where the lines go: stdout unless a test asks for them. */
  destination?: LogDestination,
): Promise<void> {
  Logger.overrideLogger(new NestPinoLogger(createServiceLogger(service, undefined, destination)));
  const logger = new Logger(service);
  const [command, ...args] = argv;
  try {
    if (command === undefined || command === 'serve') {
      await serve();
      return;
    }
    const run = Object.hasOwn(commands, command) ? commands[command] : undefined;
    if (!run)
      throw new UsageError(
        `unknown command "${command}"`,
        usage ?? `node main.js [serve | ${Object.keys(commands).join(' | ')}]`,
      );
    const said = await run(args);
    if (said) logger.log(said);
  } catch (error) {
    logger.error(
      error instanceof ConfigError || error instanceof UsageError || (error instanceof Error && expected?.(error))
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error),
    );
    process.exit(1);
  }
}

/** A service's `main`, run with the command line's arguments and the process's environment unless given others. */
export type ServiceMain = (argv?: string[], env?: NodeJS.ProcessEnv) => Promise<void>;

/** The `main` of a service whose commands read the environment they are run with. */
export function serviceMain(service: string, commands: (env: NodeJS.ProcessEnv) => ServiceCommands): ServiceMain {
  return (argv = process.argv.slice(2), env = process.env) => runService(service, commands(env), argv);
}

/** What `migrate` logs: the migrations it applied to the schema, or that there were none. */
export function migratedLine(schema: string, applied: readonly string[]): string {
  return `schema ${schema}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`;
}

/** The `migrate` command: loads the database's settings, migrates its schema and says what it applied. */
export function migrateCommand<C extends { databaseSchema: string }>(
  load: () => C,
  migrate: (config: C) => Promise<readonly string[]>,
): ServiceCommand {
  return async () => {
    const config = load();
    return migratedLine(config.databaseSchema, await migrate(config));
  };
}
