import { runLoad } from './http-load';
import type { LoadOptions } from './http-load';

export interface RoundTiming {
  warmupSeconds: number;
  roundSeconds: number;
}

/**
 * The rounds of one side of an HTTP scenario, for compare(). The first is the warm-up and runs for
 * a while; each later one sends as many requests as the previous rate fills in `roundSeconds`, so
 * that every request of a round is answered within it and none is left to weigh on the next round.
 */
export class LoadRounds {
  /** Per measured round: each request's latency, and the ms until `settle` found the work done. */
  readonly latencies: number[][] = [];
  readonly settled: number[] = [];
  private requestsPerSecond?: number;

  constructor(
    private readonly load: Omit<LoadOptions, 'amount' | 'seconds'>,
    private readonly timing: RoundTiming,
    /** Waits, after the load, for what the side still does in the background; ms since `endedAt`. */
    private readonly settle?: (endedAt: number) => Promise<number>,
  ) {}

  /** Records per second of one round. */
  readonly round = async (): Promise<number> => {
    const warmup = this.requestsPerSecond === undefined;
    const size = warmup
      ? { seconds: this.timing.warmupSeconds }
      : {
          amount: Math.max(
            2 * this.load.connections,
            Math.round((this.requestsPerSecond ?? 0) * this.timing.roundSeconds),
          ),
        };
    const result = await runLoad({ ...this.load, ...size });
    this.requestsPerSecond = result.requests / ((result.endedAt - result.startedAt) / 1000);
    const settled = await this.settle?.(result.endedAt);
    if (!warmup) {
      this.latencies.push(result.latenciesMs);
      if (settled !== undefined) this.settled.push(settled);
    }
    return result.recordsPerSecond;
  };
}
