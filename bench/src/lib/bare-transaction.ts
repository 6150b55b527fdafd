import type { Pool, PoolClient } from 'pg';

/** The bare side's transaction: plain pg, none of the exchange's code, as the baseline must be. */
export async function bareTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}
