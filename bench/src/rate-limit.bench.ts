// Scenario 6: what sharing the rate limits between replicas costs a request — one upsert in
// PostgreSQL (PostgresRateLimiter) — vs the in-memory counter each replica kept before (RateLimiter).
import { PostgresRateLimiter, RateLimiter, rateLimitMigrations } from '@interscambio/access';
import { ProcessedEvent } from '@interscambio/messaging';
import { migrate, openOrm } from '@interscambio/persistence';
import { Pool } from 'pg';
import { benchEnv, progress, uniqueName } from './lib/bench-env';
import { asyncRate, compare } from './lib/compare';
import { scenario } from './lib/report';

const ROUND_MS = 1000;
const ROUNDS = 5;
const LIMIT = 1_000_000_000;

async function main(): Promise<void> {
  const { databaseUrl } = benchEnv();
  const schema = uniqueName('bench_rate');
  const orm = await openOrm({
    url: databaseUrl,
    schema,
    entities: [ProcessedEvent],
    migrations: rateLimitMigrations,
    poolSize: 1,
  });
  await migrate(orm);
  await orm.close();
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  try {
    const shared = new PostgresRateLimiter({ sql: pool, schema, limit: LIMIT, windowSeconds: 60, log: progress });
    const local = new RateLimiter({ limit: LIMIT, windowSeconds: 60 });
    for (const [workers, keys] of [
      [1, 190],
      [16, 190],
      [16, 1],
    ] as const) {
      progress(`rate-limit: ${workers} concurrent requests over ${keys} key(s)`);
      await scenario(
        'rate limit',
        `count one request, ${workers} concurrent, ${keys === 1 ? 'one client' : `${keys} clients`}`,
        'requests/s',
        () =>
          compare({
            ours: () => asyncRate((i) => shared.take(`client:${i % keys}`), ROUND_MS, workers),
            bare: () => asyncRate(async (i) => local.take(`client:${i % keys}`), ROUND_MS, workers),
            rounds: ROUNDS,
          }),
        'ours = PostgresRateLimiter.take: one upsert on an unlogged table, pool of 10, shared by every replica; bare = the per-process RateLimiter it replaces',
      );
    }
  } finally {
    await pool.query(`drop schema if exists "${schema}" cascade`);
    await pool.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
