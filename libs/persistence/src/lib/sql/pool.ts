import { Pool } from 'pg';
import type { PoolConfig } from 'pg';

/**
 * A pg Pool that a lost connection cannot crash. A client whose connection dies emits `error`; the
 * pool listens only while the client is idle, and its own query listener only once, while a dying
 * connection can report twice (PostgreSQL's FATAL, then the socket's end). Every client therefore
 * gets a listener of its own for its whole life; the failure itself still reaches the query that
 * was running (and the pool drops the client). `log` hears about idle connections lost.
 */
export function createPool(config: PoolConfig, log: (msg: string) => void): Pool {
  const pool = new Pool(config);
  pool.on('connect', (client) => client.on('error', () => undefined));
  pool.on('error', (error) => log(`idle database connection lost: ${error.message}`));
  return pool;
}
