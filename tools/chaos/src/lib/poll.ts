import { setTimeout as sleep } from 'node:timers/promises';

export interface PollOptions {
  /** A bound, not a measurement: past it the scenario fails naming `what`. */
  timeoutMs: number;
  what: string;
  intervalMs?: number;
}

/** Resolves with the first truthy value `check` returns. */
export async function pollUntil<T>(check: () => Promise<T | undefined | false>, options: PollOptions): Promise<T> {
  const deadline = performance.now() + options.timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (performance.now() > deadline) {
      const why = last instanceof Error ? ` (last error: ${last.message})` : '';
      throw new Error(`gave up waiting for ${options.what} after ${options.timeoutMs / 1000} s${why}`);
    }
    await sleep(options.intervalMs ?? 100);
  }
}

/** Seconds since `since` (a performance.now() reading), to one decimal. */
export function secondsSince(since: number): number {
  return Math.round((performance.now() - since) / 100) / 10;
}
