import { setTimeout as sleep } from 'node:timers/promises';

export interface EventuallyOptions {
  /** A bound, not a measurement: past it the test fails naming `what` (default 30 s). */
  timeoutMs?: number;
  /** Between two checks (default 50 ms). */
  intervalMs?: number;
  /** What is awaited, for the failure message. */
  what?: string;
}

/**
 * Resolves with the first value `check` gives that is not `undefined`, `null` or `false` (so a
 * check may return a boolean or the value it waited for, 0 included). A check that throws is tried
 * again, as when a service is still coming up; past the deadline the last error is in the message.
 */
export async function eventually<T>(
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  options: EventuallyOptions = {},
): Promise<T> {
  const { timeoutMs = 30_000, intervalMs = 50, what = 'the condition' } = options;
  const deadline = performance.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (performance.now() > deadline) {
      const why = last instanceof Error ? ` (last error: ${last.message})` : '';
      throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000} s${why}`);
    }
    await sleep(intervalMs);
  }
}
