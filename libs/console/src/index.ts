export { createConsoleApp } from './lib/console.app';
export { runConsole } from './lib/console.runner';
export { loadConsoleConfig } from './lib/config/console.config';
export type { ConsoleConfig, WatchedService } from './lib/config/console.config';
export { migrateConsole } from './lib/storage/console.database';
export type { OperatorAuthenticator, Operator, LoginOutcome } from './lib/auth/operator-authenticator';
