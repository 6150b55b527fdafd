import { Client } from 'pg';
import { errorMessage } from '../messaging.errors';

export interface OutboxListenerOptions {
  url: string;
  channel: string;
  /** Called on every notification, and after each (re)connection to catch up on missed ones. */
  onNotify: () => void;
  log: (msg: string) => void;
  reconnectMs?: number;
}

/** A dedicated connection that LISTENs on the outbox channel and reconnects when it is lost. */
export class OutboxListener {
  private client?: Client;
  private retry?: NodeJS.Timeout;
  private stopped = false;

  constructor(private readonly options: OutboxListenerOptions) {}

  async start(): Promise<void> {
    this.stopped = false;
    try {
      await this.connect();
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end();
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.options.url, application_name: 'interscambio-outbox-listener' });
    client.on('notification', () => this.options.onNotify());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    this.client = client;
    try {
      await client.connect();
      await client.query(`listen "${this.options.channel}"`);
    } catch (error) {
      this.lost(client, error);
      throw error;
    }
    this.options.onNotify();
  }

  private lost(client: Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = undefined;
    // The connection is already broken: ending it only frees the socket, and a failed connect()
    // lands in lost() again, which logs and schedules the next attempt.
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    this.options.log(`outbox listener lost its connection (${errorMessage(error)}); reconnecting`);
    this.retry = setTimeout(() => void this.connect().catch(() => undefined), this.options.reconnectMs ?? 1000);
  }
}
