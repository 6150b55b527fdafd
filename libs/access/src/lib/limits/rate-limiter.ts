export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetSeconds: number;
}

export interface RateLimiterOptions {
  limit: number;
  windowSeconds: number;
  maxKeys?: number;
  /** Milliseconds since 1970; the system clock when absent. For tests. */
  now?: () => number;
}

interface Window {
  startedAt: number;
  used: number;
}

/** A fixed window per key, starting at the key's first request; in memory, bounded. */
export class RateLimiter {
  // Insertion order is window start order: expired windows are always at the front.
  private readonly windows = new Map<string, Window>();
  readonly windowSeconds: number;
  private readonly windowMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(private readonly options: RateLimiterOptions) {
    if (!(options.limit > 0) || !(options.windowSeconds > 0))
      throw new RangeError(
        `A rate limit needs a positive limit and window, not ${options.limit} per ${options.windowSeconds} s.`,
      );
    this.windowSeconds = options.windowSeconds;
    this.windowMs = options.windowSeconds * 1000;
    this.maxKeys = Math.max(1, options.maxKeys ?? 100_000);
    this.now = options.now ?? Date.now;
  }

  take(key: string, limit = this.options.limit): RateDecision {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now >= window.startedAt + this.windowMs) {
      this.windows.delete(key);
      this.evict(now);
      window = { startedAt: now, used: 0 };
      this.windows.set(key, window);
    }
    const allowed = window.used < limit;
    if (allowed) window.used += 1;
    return {
      allowed,
      limit,
      remaining: Math.max(0, limit - window.used),
      resetSeconds: Math.max(1, Math.ceil((window.startedAt + this.windowMs - now) / 1000)),
    };
  }

  /** Drops expired windows, then the oldest open ones past maxKeys: a flood of keys costs them their count. */
  private evict(now: number): void {
    for (const [key, window] of this.windows) {
      if (now < window.startedAt + this.windowMs && this.windows.size < this.maxKeys) return;
      this.windows.delete(key);
    }
  }
}
