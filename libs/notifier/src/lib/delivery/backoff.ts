/**
 * The wait before retry number `attempt` (1 after the first failure): doubling from `baseMs` up to
 * `maxMs`, then ±25 % at random, so receivers that failed together are not all retried together.
 */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const plain = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 40));
  return Math.round(plain * (0.75 + random() * 0.5));
}
