import { prepared, qualifiedTable } from '@interscambio/persistence';
import type { SqlExecutor } from '@interscambio/persistence';
import type { RateCounter } from './rate-counter';
import { RateLimiter } from './rate-limiter';
import type { RateDecision } from './rate-limiter';

export interface PostgresRateLimiterOptions {
  sql: SqlExecutor;
  /** The service's schema, which holds `rate_limit` (rateLimitMigrations). */
  schema: string;
  limit: number;
  windowSeconds: number;
  log: (message: string) => void;
}

const CLEANUP_EVERY_MS = 60_000;

/** A key's count after a take, as the upsert returns it; undefined while PostgreSQL fails. */
type Counted = { used: number; reset: number } | undefined;

/**
 * A fixed window per key, counted in PostgreSQL so that N replicas of a service allow the limit
 * once, not N times: one upsert per request, timed by PostgreSQL's clock (replicas' clocks may
 * differ). While PostgreSQL does not answer, each replica counts in its own memory instead: the
 * public routes keep working, with a limit that holds per replica until the database is back.
 *
 * Takes of a key that arrive while its upsert is running wait for it, then go in one upsert that
 * adds their number: each gets the count it would have got alone (the row is locked while it adds,
 * so the batch's counts are consecutive), and a client sending many requests at once costs one
 * statement per round trip instead of one per request.
 */
export class PostgresRateLimiter implements RateCounter {
  readonly windowSeconds: number;
  private readonly upsert: string;
  private readonly cleanup: string;
  private readonly local: RateLimiter;
  /** Keys whose upsert is running, with the takes waiting to go in the next one. */
  private readonly waiting = new Map<string, ((counted: Counted) => void)[]>();
  private cleanedAt = 0;
  private failing = false;

  constructor(private readonly options: PostgresRateLimiterOptions) {
    this.windowSeconds = options.windowSeconds;
    this.local = new RateLimiter({ limit: options.limit, windowSeconds: options.windowSeconds });
    const table = qualifiedTable(options.schema, 'rate_limit');
    const expired = `r.window_start <= now() - make_interval(secs => $2)`;
    this.upsert = `insert into ${table} as r (key, window_start, used) values ($1, now(), $3)
      on conflict (key) do update set
        window_start = case when ${expired} then now() else r.window_start end,
        used = case when ${expired} then $3 else least(r.used + $3, 2147483647) end
      returning r.used, ceil(extract(epoch from r.window_start + make_interval(secs => $2) - now()))::int as reset`;
    this.cleanup = `delete from ${table} where window_start < now() - make_interval(secs => $1)`;
  }

  async take(key: string, limit = this.options.limit): Promise<RateDecision> {
    const counted = await this.count(key);
    if (!counted) return this.local.take(key, limit);
    return {
      allowed: counted.used <= limit,
      limit,
      remaining: Math.max(0, limit - counted.used),
      resetSeconds: Math.max(1, counted.reset),
    };
  }

  private count(key: string): Promise<Counted> {
    return new Promise((resolve) => {
      const waiting = this.waiting.get(key);
      if (waiting) return void waiting.push(resolve);
      this.waiting.set(key, []);
      void this.send(key, [resolve]);
    });
  }

  /** One upsert for the takes of `batch`, then one for those that came meanwhile, if any. */
  private async send(key: string, batch: ((counted: Counted) => void)[]): Promise<void> {
    let row: { used: number; reset: number } | undefined;
    try {
      ({
        rows: [row],
      } = await this.options.sql.query(prepared(this.upsert), [key, this.windowSeconds, batch.length]));
      if (this.failing) this.options.log('rate limits counted in PostgreSQL again');
      this.failing = false;
      this.dropExpired();
    } catch (error) {
      if (!this.failing) this.options.log(`rate limits counted per replica until PostgreSQL answers: ${error}`);
      this.failing = true;
    }
    const first = row ? row.used - batch.length + 1 : 0;
    batch.forEach((resolve, i) => resolve(row && { used: first + i, reset: row.reset }));
    const next = this.waiting.get(key) ?? [];
    if (next.length === 0) this.waiting.delete(key);
    else {
      this.waiting.set(key, []);
      void this.send(key, next);
    }
  }

  /** Once a minute per replica, off the request: windows long over would otherwise pile up by address. */
  private dropExpired(): void {
    const now = Date.now();
    if (now - this.cleanedAt < CLEANUP_EVERY_MS) return;
    this.cleanedAt = now;
    this.options.sql.query(this.cleanup, [this.windowSeconds * 2]).catch(() => undefined);
  }
}
