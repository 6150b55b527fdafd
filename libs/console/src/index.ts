export { bootstrapConsole, CONSOLE_BASE_PATH, createConsoleApp } from './lib/console.app';
export { runConsole, SANDBOX_OPERATOR_EMAIL } from './lib/console.runner';
export { CONSOLE_DEFAULT_PORT, loadConsoleConfig, loadConsoleDatabaseConfig } from './lib/config/console.config';
export type { ConsoleConfig, WatchedService } from './lib/config/console.config';
export { migrateConsole } from './lib/storage/console.database';
export { upsertOperator, MAX_FAILED_LOGINS } from './lib/auth/password.authenticator';
export type { OperatorAuthenticator, Operator, LoginOutcome } from './lib/auth/operator-authenticator';
