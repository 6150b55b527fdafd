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
