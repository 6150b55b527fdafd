// One cross-process lock around "check, then start", so two commands never start two servers.
import fs from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Log } from '../service.ts';
import { isAlive } from './process.ts';

/** A lock file nobody can read is only stale once its writer had time to finish writing it. */
const UNREADABLE_STALE_MS = 5_000;

async function holder(file: string): Promise<{ pid: number | null; ageMs: number } | null> {
  try {
    const ageMs = Date.now() - (await fs.stat(file)).mtimeMs;
    const pid = Number(JSON.parse(await fs.readFile(file, 'utf8')).pid);
    return { pid: Number.isInteger(pid) && pid > 0 ? pid : null, ageMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { pid: null, ageMs: 0 };
  }
}

/**
 * Takes `file` (a lock whose owner died is taken over), waiting up to `waitMs` for a live owner.
 * Resolves to the release function; `what` names what the owner is doing, for the log.
 */
export async function acquireLock(file: string, what: string, waitMs: number, log: Log): Promise<() => Promise<void>> {
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    try {
      await fs.writeFile(file, JSON.stringify({ pid: process.pid, at: new Date().toISOString() }), { flag: 'wx' });
      return async () => {
        if ((await holder(file))?.pid === process.pid) await fs.rm(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = await holder(file);
    if (!owner) continue;
    const stale = owner.pid === null ? owner.ageMs > UNREADABLE_STALE_MS : !isAlive(owner.pid);
    if (stale) {
      log(`Removing stale ${file}${owner.pid ? ` (pid ${owner.pid} is gone)` : ''}`);
      await fs.rm(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `another process (pid ${owner.pid ?? '?'}) holds ${file} and is ${what}; waited ${waitMs} ms. ` +
          'Delete the file if that process is not a devstack.',
      );
    }
    if (!told) log(`Another process (pid ${owner.pid ?? '?'}) is ${what}; waiting for it…`);
    told = true;
    await sleep(250);
  }
}
