import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool } from 'pg';

const POLL_MS = 20;
const TIMEOUT_MS = 120_000;

/** Milliseconds from `since` (performance.now()) until the schema's outbox holds no unsent row. */
export async function backlogClearedAfter(pool: Pool, schema: string, since: number): Promise<number> {
  const sql = `select count(*)::int as pending from "${schema}".outbox where sent_at is null`;
  for (;;) {
    const { rows } = await pool.query<{ pending: number }>(sql);
    const pending = rows[0]?.pending ?? 0;
    const waited = performance.now() - since;
    if (pending === 0) return waited;
    if (waited > TIMEOUT_MS)
      throw new Error(`${pending} outbox rows of ${schema} still unsent ${Math.round(waited / 1000)} s after the load`);
    await sleep(POLL_MS);
  }
}
