// The devstack's own PostgreSQL: started detached from npm's binaries (or INTERSCAMBIO_PG_BIN), so
// it outlives the command that started it, and found again later from its state file.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { errText, readJson, tailFile } from '../host/files.ts';
import { acquireLock } from '../host/lock.ts';
import { portAnswers } from '../host/ports.ts';
import { commandLine, isAlive, terminate } from '../host/process.ts';
import type { Log, ProvidedService, ServiceSource } from '../service.ts';
import { childEnv, chooseRunAs, chownTree, findBinaries, ids } from './binaries.ts';
import { initdb } from './initdb.ts';
import type { EmbeddedPaths } from './paths.ts';
import { localUrl, SUPERUSER, waitForSelect1 } from './server.ts';

export interface EmbeddedState {
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

/** True when pid is a live postgres postmaster (on Linux: for dataDir). */
function isOurPostmaster(pid: number, dataDir: string): boolean {
  if (!isAlive(pid)) return false;
  const cmd = commandLine(pid);
  if (!cmd) return process.platform !== 'linux'; // no /proc: kill(0) is all we have
  return path.basename(cmd[0] ?? '') === 'postgres' && cmd.includes(dataDir);
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

export function serviceFromState(s: EmbeddedState): ProvidedService {
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
export async function runningEmbedded(p: EmbeddedPaths): Promise<EmbeddedState | null> {
  const state = readJson<EmbeddedState>(p.stateFile);
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

export async function startEmbedded(
  p: EmbeddedPaths,
  port: number,
  log: Log,
  timeoutMs: number,
  wantLocal: boolean,
): Promise<ProvidedService> {
  await fs.mkdir(p.base, { recursive: true });
  const release = await acquireLock(p.lockFile, 'starting PostgreSQL', timeoutMs, log);
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
    const old = readJson<EmbeddedState>(p.stateFile);
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
    const { owner } = runAs;
    if (owner) {
      const st = await fs.stat(p.dataDir);
      if (st.uid !== owner.uid) {
        log(`postgres: data dir belongs to uid ${st.uid}, handing it to ${runAs.name}`);
        await chownTree(p.dataDir, owner.uid, owner.gid);
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
    if (owner) await fs.chown(p.logFile, owner.uid, owner.gid).catch(() => undefined);
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
      if (!exited && isAlive(pid)) process.kill(pid, 'SIGQUIT');
      const tail = tailFile(p.logFile);
      throw new Error(`${errText(err)}${tail ? `\n--- ${p.logFile} (tail) ---\n${tail}` : ''}`);
    }
    await fs.writeFile(p.stateFile, JSON.stringify(state, null, 2) + '\n');
    log(`postgres: ready in ${Date.now() - t0} ms (pid ${pid}) at ${state.url}`);
    return serviceFromState(state);
  } finally {
    await release();
  }
}

/** Stops the server the devstack started (never one it did not start). True when one was stopped. */
export async function stopEmbedded(p: EmbeddedPaths, log: Log): Promise<boolean> {
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
  // SIGINT to the postmaster is a "fast" shutdown (what pg_ctl stop -m fast sends), SIGQUIT an immediate one.
  if (!(await terminate(pid, { signal: 'SIGINT', graceMs: 30_000, then: 'SIGQUIT', thenMs: 10_000 }))) {
    throw new Error(`PostgreSQL pid ${pid} did not stop; see ${p.logFile}`);
  }
  await fs.rm(p.stateFile, { force: true });
  log(`postgres: stopped in ${Date.now() - t0} ms (data kept in ${running.dataDir})`);
  return true;
}
