export type { Log, ProvidedService, ServiceSource, StackLocation } from './lib/service.ts';
export { ensureStack, stackStatus, stopStack } from './lib/stack.ts';
export type { Stack } from './lib/stack.ts';
export { redactUrl } from './lib/postgres/server.ts';
