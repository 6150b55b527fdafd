import pino from 'pino';
import type { Logger as Pino } from 'pino';

export type ServiceLogger = Pino;

/** Nest's log levels, from the most to the least severe, and what each is in pino. */
const LEVELS = { fatal: 'fatal', error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' } as const;
export type NestLevel = keyof typeof LEVELS;

// Belt and braces: lines are built from chosen fields, never from a whole request or body; should
// one carry these anyway, the value is replaced. Named paths only: wildcards (`*.x`) cost about
// five times as much on every line.
const REDACTED = [
  'authorization',
  'headers.authorization',
  'headers.cookie',
  'password',
  'client_secret',
  'clientSecret',
  'client_assertion',
  'token',
  'access_token',
  'data',
];

/** Where the lines go: stdout (fd 1) by default; a stream (process.stdout) for tests that capture it. */
export type LogDestination = NodeJS.WritableStream;

/** How a service app logs: its levels (default error, warn and log) and where the lines go. */
export interface ServiceLogging {
  levels?: NestLevel[];
  destination?: LogDestination;
}

/**
 * One JSON line per event on stdout (pino), named after the service. The least severe of `levels`
 * sets the threshold: `['error', 'warn', 'log']` writes the request lines, `['error', 'warn']` not.
 */
export function createServiceLogger(
  service: string,
  levels: NestLevel[] = ['error', 'warn', 'log'],
  destination?: LogDestination,
): ServiceLogger {
  const order = Object.keys(LEVELS) as NestLevel[];
  const least = order.filter((level) => levels.includes(level)).pop() ?? 'error';
  return pino(
    {
      level: LEVELS[least],
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED, censor: '[redacted]' },
    },
    // Written off the event loop: process.stdout on a pipe writes synchronously on Linux, so a slow
    // reader of the logs (the bench driver was one) stalled every request. Flushed at exit by pino.
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
