import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { freePort } from '@interscambio/testing';

/** The repository: the devstack's command, the apps to build and the schemas live there. */
export const repositoryRoot = path.resolve(__dirname, '../../../..');

/** Two free ports in a row: a local broker listens on its port and its controller on the next. */
export async function freePortPair(): Promise<[number, number]> {
  for (;;) {
    const port = await freePort();
    if (port < 65535 && (await isFree(port + 1))) return [port, port + 1];
  }
}

async function isFree(port: number): Promise<boolean> {
  const server = createServer();
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
  if (listening) await new Promise((resolve) => server.close(resolve));
  return listening;
}

/** True once the process has ended; a zombie nobody reaped yet counts as ended. */
export function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] === 'Z';
  } catch {
    return true;
  }
}
