import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Log } from '../service.ts';
import { childEnv, ids } from './binaries.ts';
import type { Binaries, RunAs } from './binaries.ts';
import type { EmbeddedPaths } from './paths.ts';
import { SUPERUSER } from './server.ts';

export async function initdb(b: Binaries, p: EmbeddedPaths, runAs: RunAs, log: Log): Promise<void> {
  // initdb into a scratch dir, then rename: a failed initdb never leaves a half-made data dir.
  const tmp = `${p.dataDir}.initdb-tmp`;
  await fs.rm(tmp, { recursive: true, force: true });
  await fs.mkdir(tmp, { mode: 0o700 });
  if (runAs.owner) await fs.chown(tmp, runAs.owner.uid, runAs.owner.gid);
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
