import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A balancer in front of the replicas, as the Kubernetes Service is in front of the pods: each
 * request goes to the next replica in turn; a replica that refuses the connection (dead) is passed
 * over for the next, since nothing reached it. A replica that dies holding a request leaves its
 * caller a 502: not acknowledged, so the caller may try again.
 */
export class RoundRobin {
  /** Requests each replica answered, by origin. */
  readonly served = new Map<string, number>();
  private next = 0;

  private constructor(
    private readonly server: http.Server,
    private readonly upstreams: string[],
  ) {}

  static async start(upstreams: string[]): Promise<RoundRobin> {
    const server = http.createServer();
    const balancer = new RoundRobin(server, upstreams);
    server.on('request', (req, res) => void balancer.forward(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return balancer;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async forward(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    for (let tried = 0; tried < this.upstreams.length; tried++) {
      const origin = this.upstreams[this.next++ % this.upstreams.length] as string;
      const sent = await this.send(origin, req, body, res);
      if (sent !== 'refused') return;
    }
    res.writeHead(503).end();
  }

  private send(
    origin: string,
    req: http.IncomingMessage,
    body: Buffer,
    res: http.ServerResponse,
  ): Promise<'answered' | 'refused' | 'failed'> {
    return new Promise((resolve) => {
      const upstream = http.request(`${origin}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
        this.served.set(origin, (this.served.get(origin) ?? 0) + 1);
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('end', () => resolve('answered'));
        answer.on('error', () => (res.destroy(), resolve('failed')));
      });
      upstream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ECONNREFUSED') return resolve('refused');
        if (!res.headersSent) res.writeHead(502).end();
        else res.destroy();
        resolve('failed');
      });
      upstream.end(body);
    });
  }
}
