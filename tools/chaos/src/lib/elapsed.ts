/** Seconds since `since` (a performance.now() reading), to one decimal. */
export function secondsSince(since: number): number {
  return Math.round((performance.now() - since) / 100) / 10;
}
