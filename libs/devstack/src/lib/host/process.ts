// Processes the devstack started and must recognise later, from another process, by pid alone.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** True while the process runs; a zombie nobody reaped yet counts as ended (Linux; elsewhere kill(0) decides). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat[stat.lastIndexOf(')') + 2];
    return state !== 'Z' && state !== 'X';
  } catch {
    return true;
  }
}

/** The process's arguments, or null where there is no /proc to read them from. */
export function commandLine(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return null;
  }
}

/** Resolves true once the process has ended, false if it still runs after `ms`. */
async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (isAlive(pid) && Date.now() < end) await sleep(100);
  return !isAlive(pid);
}

export interface Termination {
  /** The polite request: SIGTERM for Kafka, SIGINT ("fast shutdown") for a postmaster. */
  signal: NodeJS.Signals;
  graceMs: number;
  /** Sent when the grace period passes: SIGKILL, or SIGQUIT (immediate shutdown) for PostgreSQL. */
  then: NodeJS.Signals;
  thenMs: number;
}

/** Asks the process to stop, insists after the grace period; true once it is gone. */
export async function terminate(pid: number, how: Termination): Promise<boolean> {
  for (const [signal, ms] of [
    [how.signal, how.graceMs],
    [how.then, how.thenMs],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return true;
    }
    if (await waitForExit(pid, ms)) return true;
  }
  return false;
}
