// The devstack command: `node libs/devstack/src/cli.ts up|stop|status [--json] [--database NAME] [--home DIR]`.
// Progress goes to stderr so `up --json` can hand its result on stdout to another program. `--home`
// runs a stack of its own in DIR (with INTERSCAMBIO_PG=embedded, INTERSCAMBIO_PG_PORT and
// INTERSCAMBIO_KAFKA_PORT naming its ports): `up` starts it, or starts again what of it died.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureStack, redactUrl, stackStatus, stopStack } from './index.ts';
import type { ProvidedService } from './index.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const log = (line: string): void => void process.stderr.write(`[devstack] ${line}\n`);
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    database: { type: 'string', default: 'interscambio' },
    home: { type: 'string' },
  },
});

function describe(s: ProvidedService | null, name: string): string {
  if (!s) return `${name.padEnd(9)} not running`;
  const who = s.startedBy ?? (s.source === 'env' ? 'given by the environment' : 'not started by interscambio');
  const url = s.name === 'postgres' ? redactUrl(s.url) : s.url;
  return `${name.padEnd(9)} ${url}  [${s.source}${s.pid ? `, pid ${s.pid}` : ''}] ${who}${s.detail ? ` — ${s.detail}` : ''}`;
}

async function main(command: string | undefined): Promise<void> {
  switch (command) {
    case 'up': {
      const stack = await ensureStack({ root, home: values.home, log, database: values.database });
      if (values.json) {
        process.stdout.write(`${JSON.stringify(stack)}\n`);
      } else {
        log(describe(stack.postgres, 'postgres'));
        log(describe(stack.kafka, 'kafka'));
      }
      return;
    }
    case 'stop': {
      const stopped = await stopStack({ root, home: values.home, log });
      log(
        stopped.kafka || stopped.postgres
          ? 'stopped what interscambio had started'
          : 'nothing started by interscambio was running',
      );
      return;
    }
    case 'status': {
      const [pg, kafka] = await stackStatus({ root, home: values.home });
      process.stdout.write(`${describe(pg, 'postgres')}\n${describe(kafka, 'kafka')}\n`);
      return;
    }
    default:
      throw new Error(`unknown command "${command ?? ''}": use up, stop or status`);
  }
}

main(positionals[0]).catch((err: unknown) => {
  log(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
