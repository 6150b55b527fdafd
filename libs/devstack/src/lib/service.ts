import path from 'node:path';

export type ServiceSource = 'env' | 'existing' | 'local' | 'embedded' | 'container';
export interface ProvidedService {
  name: 'kafka' | 'postgres';
  url: string; // kafka: "host:port[,host:port]" ; postgres: postgres://... URL
  source: ServiceSource;
  pid?: number; // when the project started a process
  startedBy?: string; // e.g. "interscambio devstack (embedded PostgreSQL 18 from npm)"
  detail?: string; // human-readable: data dir, version, etc.
}
export type Log = (line: string) => void;

/**
 * Where a stack lives. `root` is the repository (the Kafka pom, the jars resolved once); `home`
 * holds what the devstack starts there — config, data, logs, state — and defaults to
 * `<root>/.devstack`. Another home (with other ports) is a second stack of its own, which a test
 * can crash and restart without touching the one everybody else uses.
 */
export interface StackLocation {
  root: string;
  home?: string;
}

export function stackHome(at: StackLocation): string {
  return path.resolve(at.home ?? path.join(at.root, '.devstack'));
}
