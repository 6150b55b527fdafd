export { bootstrapConsole, CONSOLE_BASE_PATH, createConsoleApp } from './lib/console.app';
export { runConsole } from './lib/console.runner';
export { CONSOLE_DEFAULT_PORT, loadConsoleConfig, loadConsoleDatabaseConfig } from './lib/config/console.config';
export type { ConsoleConfig, WatchedService } from './lib/config/console.config';
export { migrateConsole } from './lib/storage/console.database';
export type { OperatorAuthenticator, Operator, LoginOutcome } from './lib/auth/operator-authenticator';
