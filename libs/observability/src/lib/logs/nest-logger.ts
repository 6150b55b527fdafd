import type { LoggerService } from '@nestjs/common';
import type { ServiceLogger } from './service-logger';

// Nest's start-up chatter (a line per module and per route mapped): one "listening on" line per
// service says the same to a person. Kept at debug for whoever needs it.
const CHATTER = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/** Nest's LoggerService over the service's pino logger: each message one JSON line with its context. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly pino: ServiceLogger) {}

  log(message: unknown, ...params: unknown[]): void {
    const context = contextOf(params);
    if (context && CHATTER.has(context)) return this.pino.debug({ context }, text(message));
    this.pino.info({ context }, text(message));
  }

  error(message: unknown, ...params: unknown[]): void {
    const context = contextOf(params);
    // Nest passes (message, stack, context) or (message, context).
    const stack = params.length > 1 && typeof params[0] === 'string' ? params[0] : undefined;
    this.pino.error({ context, stack }, text(message));
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.pino.warn({ context: contextOf(params) }, text(message));
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.pino.debug({ context: contextOf(params) }, text(message));
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.pino.trace({ context: contextOf(params) }, text(message));
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.pino.fatal({ context: contextOf(params) }, text(message));
  }
}

function contextOf(params: unknown[]): string | undefined {
  const last = params[params.length - 1];
  return typeof last === 'string' ? last : undefined;
}

function text(message: unknown): string {
  return message instanceof Error ? message.message : typeof message === 'string' ? message : JSON.stringify(message);
}
