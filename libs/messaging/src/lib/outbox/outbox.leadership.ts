import { Client } from 'pg';
import { relayApplicationName, relayLockName } from './outbox.names';

/**
 * The one relay of a schema that publishes, among the replicas: whoever holds a session-level
 * advisory lock on its own connection. A session lock, not a transaction, so the relay holds no
 * transaction open while Kafka acks; a relay that dies (kill -9 included) closes its connection and
 * the lock passes to the next one that asks.
 *
 * WHY one publisher and not FOR UPDATE SKIP LOCKED among several: a second relay would skip the
 * rows the first holds and could send a later revision of a record before an earlier one.
 */
export class OutboxLeadership {
  private client?: Client;
  private leading = false;

  constructor(
    private readonly url: string,
    private readonly schema: string,
    private readonly log: (msg: string) => void,
  ) {}

  /** The leader's connection, or undefined while another relay leads. */
  async acquire(): Promise<Client | undefined> {
    if (this.leading && this.client) return this.client;
    this.client ??= await this.connect();
    const { rows } = await this.client.query<{ locked: boolean }>(
      'select pg_try_advisory_lock(hashtextextended($1, 0)) as locked',
      [relayLockName(this.schema)],
    );
    this.leading = rows[0]?.locked === true;
    return this.leading ? this.client : undefined;
  }

  /** After a failed query: the connection may be gone, and the lock with it; the next acquire() starts afresh. */
  async drop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.leading = false;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<Client> {
    const client = new Client({ connectionString: this.url, application_name: relayApplicationName(this.schema) });
    client.on('error', (error) => {
      if (this.client !== client) return;
      this.log(`outbox relay (${this.schema}): connection lost (${error.message})`);
      this.client = undefined;
      this.leading = false;
      void client.end().catch(() => undefined);
    });
    await client.connect();
    // A relay killed while a statement of its waits on a lock leaves that session (and the lock)
    // until PostgreSQL next writes to it; checking the client every 2 s ends it sooner. PostgreSQL
    // before 14 lacks the setting: the relay works as before there.
    await client.query("set client_connection_check_interval = '2s'").catch((error: Error) => {
      this.log(`outbox relay (${this.schema}): no client_connection_check_interval (${error.message})`);
    });
    return client;
  }
}
