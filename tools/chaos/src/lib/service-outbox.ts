import { relayApplicationName, relayLockName } from '@interscambio/messaging';

import { createPool } from '@interscambio/persistence';

import { Client } from 'pg';

import type { Pool } from 'pg';
import { eventually } from '@interscambio/testing';

import { secondsSince } from './elapsed';

/** The service's outbox as the scenario watches it, and the relay's locks as it stages a crash. */
export class ServiceOutbox {
  readonly sql: Pool;
  private readonly table: string;

  constructor(
    readonly url: string,
    readonly schema: string,
  ) {
    // PostgreSQL going away under the scenario must not crash the test process: the pool the
    // services use, whose every client listens for the errors of a dying connection.
    this.sql = createPool({ connectionString: url, max: 2 }, () => undefined);
    this.table = `"${schema}".outbox`;
  }

  /** The last row appended so far: rows up to it were written before whatever happens next. */
  async lastSeq(): Promise<number> {
    const { rows } = await this.sql.query<{ seq: string }>(`select coalesce(max(seq), 0) as seq from ${this.table}`);
    return Number(rows[0]?.seq);
  }

  async counts(): Promise<{ sent: number; pending: number }> {
    const { rows } = await this.sql.query<{ sent: number; pending: number }>(
      `select count(sent_at)::int as sent, count(*) filter (where sent_at is null)::int as pending from ${this.table}`,
    );
    return rows[0] ?? { sent: 0, pending: 0 };
  }

  /** Seconds from `since` until every row up to `seq` is marked sent; fails past `timeoutMs`. */
  async drained(seq: number, since: number, timeoutMs: number): Promise<number> {
    await eventually(
      async () => {
        const { rows } = await this.sql.query(
          `select 1 from ${this.table} where sent_at is null and seq <= $1 limit 1`,
          [seq],
        );
        return rows.length === 0;
      },
      { timeoutMs, what: `the outbox rows up to seq ${seq} to be sent`, intervalMs: 50 },
    );
    return secondsSince(since);
  }

  /**
   * Takes the relay's leadership lock before the service starts: its relay cannot lead, so what
   * the service accepts waits in the outbox. Resolves to the function that lets it lead.
   */
  async holdLeadership(): Promise<() => Promise<void>> {
    return this.hold([`select pg_advisory_lock(hashtextextended($1, 0))`, [relayLockName(this.schema)]]);
  }

  /**
   * Locks the `rank`-th pending row (from 1, in the relay's order): the relay publishes every batch
   * before it, then, with the batch that holds it acknowledged by Kafka, waits to mark it sent.
   */
  async holdRow(rank: number): Promise<() => Promise<void>> {
    // Found first, locked by id: FOR UPDATE beside OFFSET would lock every row it skips as well.
    return this.hold([
      `select id from ${this.table} where id = (
         select id from ${this.table} where sent_at is null order by seq offset $1 limit 1) for update`,
      [rank - 1],
    ]);
  }

  /** Resolves once the relay's session waits for a lock (the row held by holdRow). */
  async relayWaitsOnRow(): Promise<void> {
    await eventually(
      async () =>
        (
          await this.sql.query(
            `select 1 from pg_stat_activity where application_name = $1 and wait_event_type = 'Lock'`,
            [relayApplicationName(this.schema)],
          )
        ).rows.length > 0,
      { timeoutMs: 60_000, what: 'the relay to wait on the held outbox row', intervalMs: 20 },
    );
  }

  /**
   * Ends the relay session a killed service left waiting on a lock. PostgreSQL notices a client
   * is gone only when it next writes to it, so once the lock came free that session would still
   * mark its batch: ending it first is the crash that matters, the batch on Kafka and not marked.
   */
  async endOrphanedRelay(): Promise<number> {
    const { rows } = await this.sql.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1',
      [relayApplicationName(this.schema)],
    );
    return rows.length;
  }

  async close(): Promise<void> {
    await this.sql.end();
  }

  /** Runs `statement` on a connection of its own inside a transaction kept open until released (once). */
  private async hold([text, values]: [string, unknown[]]): Promise<() => Promise<void>> {
    const client = new Client({ connectionString: this.url });
    client.on('error', () => undefined);
    await client.connect();
    await client.query('begin');
    await client.query(text, values);
    let released: Promise<void> | undefined;
    return () =>
      (released ??= (async () => {
        await client.query('rollback').catch(() => undefined);
        await client.end();
      })());
  }
}
