import { Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { Database } from '../storage/database';
import { FeedSubscription } from './feed.subscription';

/**
 * One LISTEN connection per process, shared by every long-polling reader: the change log's
 * trigger NOTIFYs at each commit and this wakes them all. The connection opens on the first
 * reader and reopens on the next one after a failure; while it is down, readers poll.
 */
@Injectable()
export class FeedNotifier implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('FeedNotifier');
  private readonly subscriptions = new Set<FeedSubscription>();
  private client?: Promise<Client | undefined>;
  private stopped = false;
  connected = false;

  constructor(private readonly db: Database) {}

  subscribe(): FeedSubscription {
    const subscription = new FeedSubscription((s) => this.subscriptions.delete(s));
    if (this.stopped) {
      subscription.signal('closed');
      return subscription;
    }
    this.subscriptions.add(subscription);
    this.client ??= this.connect();
    return subscription;
  }

  /** Before the HTTP server closes, which waits for open requests: long-polls answer now. */
  beforeApplicationShutdown(): void {
    this.stopped = true;
    for (const s of this.subscriptions) s.signal('closed');
  }

  async onApplicationShutdown(): Promise<void> {
    const client = await this.client;
    this.client = undefined;
    await client?.end();
  }

  private async connect(): Promise<Client | undefined> {
    const client = new Client({
      connectionString: this.db.url,
      application_name: `interscambio-feed-${this.db.schema}`,
    });
    client.on('notification', () => this.wakeAll());
    client.on('error', (error) => this.lost(client, error));
    try {
      await client.connect();
      await client.query(`listen "${this.db.feedChannel}"`);
      this.connected = true;
      return client;
    } catch (error) {
      this.lost(client, error);
      return undefined;
    }
  }

  private wakeAll(): void {
    for (const s of this.subscriptions) s.signal('change');
  }

  private lost(client: Client, error: unknown): void {
    this.logger.warn(`feed listener lost its connection: ${error instanceof Error ? error.message : String(error)}`);
    this.connected = false;
    this.client = undefined;
    // Readers re-query now rather than sleep through changes the lost connection never reported.
    this.wakeAll();
    // The connection is already broken: ending it only frees the socket.
    client.end().catch(() => undefined);
  }
}
