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

/**
 * A fixed window per key, counted in PostgreSQL so that N replicas of a service allow the limit
 * once, not N times: one upsert per request, timed by PostgreSQL's clock (replicas' clocks may
 * differ). While PostgreSQL does not answer, each replica counts in its own memory instead: the
 * public routes keep working, with a limit that holds per replica until the database is back.
 */
export class PostgresRateLimiter implements RateCounter {
  readonly windowSeconds: number;
  private readonly upsert: string;
  private readonly cleanup: string;
  private readonly local: RateLimiter;
  private cleanedAt = 0;
  private failing = false;

  constructor(private readonly options: PostgresRateLimiterOptions) {
    this.windowSeconds = options.windowSeconds;
    this.local = new RateLimiter({ limit: options.limit, windowSeconds: options.windowSeconds });
    const table = qualifiedTable(options.schema, 'rate_limit');
    const expired = `r.window_start <= now() - make_interval(secs => $2)`;
    this.upsert = `insert into ${table} as r (key, window_start, used) values ($1, now(), 1)
      on conflict (key) do update set
        window_start = case when ${expired} then now() else r.window_start end,
        used = case when ${expired} then 1 else least(r.used + 1, 2147483647) end
      returning r.used, ceil(extract(epoch from r.window_start + make_interval(secs => $2) - now()))::int as reset`;
    this.cleanup = `delete from ${table} where window_start < now() - make_interval(secs => $1)`;
  }

  async take(key: string, limit = this.options.limit): Promise<RateDecision> {
    let row: { used: number; reset: number };
    try {
      ({
        rows: [row],
      } = await this.options.sql.query(prepared(this.upsert), [key, this.windowSeconds]));
    } catch (error) {
      if (!this.failing) this.options.log(`rate limits counted per replica until PostgreSQL answers: ${error}`);
      this.failing = true;
      return this.local.take(key, limit);
    }
    if (this.failing) this.options.log('rate limits counted in PostgreSQL again');
    this.failing = false;
    this.dropExpired();
    return {
      allowed: row.used <= limit,
      limit,
      remaining: Math.max(0, limit - row.used),
      resetSeconds: Math.max(1, row.reset),
    };
  }

  /** Once a minute per replica, off the request: windows long over would otherwise pile up by address. */
  private dropExpired(): void {
    const now = Date.now();
    if (now - this.cleanedAt < CLEANUP_EVERY_MS) return;
    this.cleanedAt = now;
    this.options.sql.query(this.cleanup, [this.windowSeconds * 2]).catch(() => undefined);
  }
}
