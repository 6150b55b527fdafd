import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { Client } from 'pg';

// CPU time per process over a fixed amount of work, which a shared machine's load does not change
// the way it changes wall-clock times: from /proc/<pid>/stat (utime + stime, every thread of the
// process), in clock ticks of 10 ms (CLK_TCK 100 on Linux). PostgreSQL backends are attributed to
// the process holding their client socket (pg_stat_activity.client_port → /proc/net/tcp inode →
// that process's file descriptors), so each service's SQL is counted apart from the others'.

export interface MeteredProcess {
  name: string;
  pid: number;
}

interface Sample {
  processes: Map<string, number>;
  /** pid → owner and ticks: a backend is compared with itself only, one that appears started from 0. */
  backends: Map<number, { owner: string; ticks: number }>;
}

const TICK_MS = 10;

/** The CPU each named process (and the PostgreSQL backends serving it) spent between two samples. */
export class CpuMeter {
  private start?: Sample;

  constructor(
    private readonly databaseUrl: string,
    private readonly processes: MeteredProcess[],
  ) {}

  async begin(): Promise<void> {
    this.start = await this.sample();
  }

  /** CPU ms per unit of work by process, e.g. per record written. */
  async end(units: number): Promise<Map<string, number>> {
    const end = await this.sample();
    const perUnit = new Map<string, number>();
    const add = (name: string, ticks: number): void =>
      void perUnit.set(name, (perUnit.get(name) ?? 0) + (ticks * TICK_MS) / units);
    for (const [name, ticks] of end.processes) add(name, ticks - (this.start?.processes.get(name) ?? 0));
    for (const [pid, b] of end.backends)
      add(`postgres (${b.owner})`, b.ticks - (this.start?.backends.get(pid)?.ticks ?? 0));
    return perUnit;
  }

  private async sample(): Promise<Sample> {
    const processes = new Map(this.processes.map((p) => [p.name, ticksOf(p.pid)]));
    const owners = portOwners(this.processes);
    const backends = new Map(
      (await backendsOf(this.databaseUrl)).map((b) => [
        b.pid,
        { owner: owners.get(b.port) ?? 'other', ticks: ticksOf(b.pid) },
      ]),
    );
    return { processes, backends };
  }
}

function ticksOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after "pid (comm) ".
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** The Kafka broker's JVM on this machine, if it runs here. */
export function kafkaPid(): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('kafka.Kafka')) return Number(entry);
    } catch {
      // the process ended while listed
    }
  }
  return undefined;
}

async function backendsOf(databaseUrl: string): Promise<{ pid: number; port: number }[]> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'bench-cpu-meter' });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number; client_port: number }>(
      `select pid, client_port from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
    );
    return rows.map((r) => ({ pid: r.pid, port: r.client_port }));
  } finally {
    await client.end();
  }
}

/** Local TCP port → the name of the metered process whose socket it is. */
function portOwners(processes: MeteredProcess[]): Map<number, string> {
  const portByInode = new Map<string, number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      const local = cols[1];
      const inode = cols[9];
      if (!local || !inode) continue;
      portByInode.set(inode, parseInt(local.split(':')[1] ?? '0', 16));
    }
  }
  const owners = new Map<number, string>();
  for (const p of processes) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${p.pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let link = '';
      try {
        link = readlinkSync(`/proc/${p.pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
      const port = inode ? portByInode.get(inode) : undefined;
      if (port !== undefined) owners.set(port, p.name);
    }
  }
  return owners;
}
