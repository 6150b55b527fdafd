// Talking to a PostgreSQL server, whoever started it: URLs, the readiness probe, the database.
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { errText } from '../host/files.ts';

/** The database superuser initdb creates (not the OS user the server runs as). */
export const SUPERUSER = 'postgres';

export function localUrl(user: string, port: number, database = 'postgres'): string {
  return `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/** The URL with any password replaced, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<unparsable URL>';
  }
}

/** Connects once, runs `SELECT 1` and reads the version; throws on failure. */
export async function probe(url: string, connectTimeoutMs = 3000): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    const res = await client.query<{ server_version: string }>('SHOW server_version');
    return res.rows[0]?.server_version ?? 'unknown';
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Retries probe() until it answers, the deadline passes, or `isDead` names why waiting is pointless. */
export async function waitForSelect1(url: string, timeoutMs: number, isDead?: () => string | null): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    const dead = isDead?.();
    if (dead) throw new Error(dead);
    try {
      return await probe(url, Math.max(500, Math.min(3000, deadline - Date.now())));
    } catch (err) {
      last = err;
    }
    if (Date.now() >= deadline) {
      throw new Error(`no answer to SELECT 1 within ${timeoutMs} ms (last error: ${errText(last)})`);
    }
    await sleep(150);
  }
}

/**
 * Creates database `name` on the server of `adminUrl` when missing (safe when
 * several processes race) and returns the URL of that database.
 */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  if (!name || Buffer.byteLength(name) > 63) throw new Error(`invalid database name "${name}"`);
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      } catch (err) {
        const code = (err as { code?: string }).code;
        // 42P04 duplicate_database; 23505 unique_violation when two CREATEs race.
        if (code !== '42P04' && code !== '23505') throw err;
      }
    }
  } catch (err) {
    throw new Error(`could not ensure database "${name}" on ${redactUrl(adminUrl)}: ${errText(err)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  const u = new URL(adminUrl);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}
