import type { Pool, PoolClient } from 'pg';

/** Runs `work` in one transaction on a pooled connection: commit on success, rollback on error. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A connection that dies while checked out (PostgreSQL restarted, the backend killed) emits
  // `error` on its client, and the pool listens only to idle ones: without this listener the
  // process would crash. The transaction itself fails on its next statement and is rolled back.
  let lost: Error | undefined;
  const onError = (error: Error): void => void (lost ??= error);
  client.on('error', onError);
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    client.removeListener('error', onError);
    client.release();
    return result;
  } catch (error) {
    // A rollback that fails means the connection is broken: release(err) drops it from the pool.
    const broken =
      lost ??
      (await client.query('rollback').then(
        () => undefined,
        (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
      ));
    // A broken client may still report its end: it must not crash the process either.
    if (!broken) client.removeListener('error', onError);
    client.release(broken);
    throw error;
  }
}
