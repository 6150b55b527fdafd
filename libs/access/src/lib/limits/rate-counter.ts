import type { RateDecision } from './rate-limiter';

/** Counts requests per key against a limit: in this process's memory, or shared by every replica. */
export interface RateCounter {
  readonly windowSeconds: number;
  take(key: string, limit?: number): RateDecision | Promise<RateDecision>;
}
