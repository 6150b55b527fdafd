import { ProblemError } from '@interscambio/http';
import { migratedLine, serviceMain } from '@interscambio/observability';
import { adminClientCommand } from './commands/admin-client.command';
import { operatorCommand, sandboxOperatorCommand } from './commands/operator.command';
import { sandboxCommand } from './commands/sandbox.command';
import { loadRegistryDatabaseConfig } from './config/registry.config';
import { bootstrapRegistry } from './registry.app';
import { migrateRegistry } from './storage/registry.migrate';

/**
 * The whole of the registry's `main.ts`: `migrate` (schema, then the enti), `sandbox <file>`,
 * `admin-client --ente --name`, the console's operators (`operator --email --name`,
 * `sandbox-operator <file>`), or nothing to serve.
 */
export const runRegistry = serviceMain('registry', (env) => ({
  serve: () => bootstrapRegistry(env),
  commands: {
    migrate: async () => {
      const db = loadRegistryDatabaseConfig(env);
      const { applied, enti } = await migrateRegistry(db);
      return `${migratedLine(db.databaseSchema, applied)}; ${enti.total} enti (${enti.added} new)`;
    },
    sandbox: (args) => sandboxCommand(args, env, process.stdout),
    'admin-client': (args) => adminClientCommand(args, env, process.stdout),
    operator: (args) => operatorCommand(args, env),
    'sandbox-operator': (args) => sandboxOperatorCommand(args, env, process.stdout),
  },
  usage:
    'node main.js [serve | migrate | sandbox <file> | admin-client --ente <code> --name <name> | ' +
    'operator --email <email> --name <name> | sandbox-operator <file>]',
  expected: (error) => error instanceof ProblemError,
}));
