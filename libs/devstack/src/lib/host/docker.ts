// Whether a Docker engine answers, the way Testcontainers would find it.
import { existsSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

/** Where an engine may answer, as http.request options; DOCKER_HOST first, as Docker's CLI does. */
function endpoints(): { label: string; options: http.RequestOptions }[] {
  const host = process.env.DOCKER_HOST;
  if (host?.startsWith('tcp://')) {
    const u = new URL(host.replace(/^tcp:/, 'http:'));
    return [{ label: host, options: { host: u.hostname, port: Number(u.port || 2375) } }];
  }
  const sockets = [
    ...(host?.startsWith('unix://') ? [host.slice('unix://'.length)] : []),
    '/var/run/docker.sock',
    ...(process.env.XDG_RUNTIME_DIR ? [path.join(process.env.XDG_RUNTIME_DIR, 'docker.sock')] : []),
    path.join(os.homedir(), '.docker', 'run', 'docker.sock'),
  ];
  return sockets.filter((s) => existsSync(s)).map((s) => ({ label: s, options: { socketPath: s } }));
}

function ping(options: http.RequestOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ ...options, path: '/_ping', timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

/** The engine that answers (socket or URL), or an error naming every place that was tried. */
export async function dockerEngine(): Promise<{ engine: string } | { tried: string }> {
  const all = endpoints();
  for (const e of all) if (await ping(e.options)) return { engine: e.label };
  return { tried: all.length ? all.map((e) => e.label).join(', ') : 'no Docker socket and no DOCKER_HOST' };
}
