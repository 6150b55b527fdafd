// The services write JSON lines (pino); `npm start` shows them to a person: one short line each,
// through pino-pretty. Lines that are not JSON (the sandbox command's text) pass as they are.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { prettyFactory } from 'pino-pretty';

type Line = Record<string, unknown>;

function message(log: Line): string {
  const service = String(log.service ?? '');
  if (log.msg === 'request') {
    const caller = log.client ? ` ${String(log.client)}` : '';
    return `${service} ${String(log.method)} ${String(log.route)} → ${String(log.status)} ${String(log.ms)} ms${caller}`;
  }
  if (log.msg === 'event' || log.msg === 'event to the dead letters')
    return `${service} ${String(log.msg)} ${String(log.topic)}@${String(log.partition)}:${String(log.offset)} ${String(log.outcome)} (${String(log.group)}) ${String(log.ms)} ms`;
  const context = log.context && log.context !== service ? ` ${String(log.context)}` : '';
  return `${service}${context}: ${String(log.msg)}${log.stack ? `\n${String(log.stack)}` : ''}`;
}

const prettify = prettyFactory({
  colorize: Boolean(process.stdout.isTTY),
  translateTime: 'SYS:HH:MM:ss',
  hideObject: true,
  messageFormat: (log) => message(log as Line),
});

/** Writes each line of `from` to `to`, pretty when it is a JSON log line. */
export function prettyLines(from: Readable, to: Writable = process.stdout): void {
  createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => {
    to.write(prettyText(line));
  });
}

/** `text` (whole lines) made readable, for the output of a command that has finished. */
export function prettyText(text: string): string {
  return text
    .split('\n')
    .filter((line, i, all) => line !== '' || i < all.length - 1)
    .map((line) => (line.startsWith('{') ? prettify(line) : `${line}\n`))
    .join('');
}
