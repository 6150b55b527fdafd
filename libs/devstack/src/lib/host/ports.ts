import net from 'node:net';

/** True when something accepts a TCP connection on host:port. */
export function portAnswers(port: number, host = '127.0.0.1', timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * The port an environment variable names, else `fallback`. `span` ports in a row are used from it
 * (a Kafka broker listens on its port and its controller on the next), so all must fit below 65536.
 */
export function portFromEnv(name: string, fallback: number, span = 1): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port + span - 1 > 65535) {
    throw new Error(`${name}=${raw} is not a TCP port${span > 1 ? ` with ${span - 1} free after it` : ''}`);
  }
  return port;
}
