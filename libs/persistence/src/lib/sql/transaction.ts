import type { Pool, PoolClient } from 'pg';

/** Runs `work` in one transaction on a pooled connection: commit on success, rollback on error. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    client.release();
    return result;
  } catch (error) {
    // A rollback that fails means the connection is broken: release(err) drops it from the pool.
    const broken = await client.query('rollback').then(
      () => undefined,
      (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
    );
    client.release(broken);
    throw error;
  }
}
