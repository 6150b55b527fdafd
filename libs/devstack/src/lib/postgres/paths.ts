import path from 'node:path';
import { stackHome } from '../service.ts';
import type { StackLocation } from '../service.ts';

/** Where the devstack's own server keeps its data, state, start lock, log and supplied libraries. */
export interface EmbeddedPaths {
  base: string;
  dataDir: string;
  stateFile: string;
  lockFile: string;
  logFile: string;
  libDir: string;
}

export function embeddedPaths(at: StackLocation): EmbeddedPaths {
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
