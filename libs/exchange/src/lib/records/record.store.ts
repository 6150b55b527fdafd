import { Injectable } from '@nestjs/common';
import { appendAudit } from '@interscambio/audit';
import { appendOutbox } from '@interscambio/messaging';
import type { PoolClient } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { ExchangeSettings } from '../exchange.settings';
import { RecordNotFoundError, RevisionMismatchError } from '../problem/exchange.error';
import { Database } from '../storage/database';
import { recordEvent } from './record.events';
import type { RecordChange } from './record.events';
import { currentRecordsSql, deleteRecordSql, lockFeedSql, nextPositionsSql, upsertRecordsSql } from './record.sql';
import type {
  ExpectedRevision,
  RecordOperation,
  RecordTypeRef,
  RecordWrite,
  RequestTrace,
  WriteOutcome,
} from './record.types';

interface CurrentRow {
  ente: string;
  key: string;
  revision: number;
  content_hash: string | null;
  deleted: boolean;
}

interface ChangedRow {
  ente: string;
  key: string;
  revision: number;
  operation: RecordOperation;
  updated_at: Date;
}

const address = (r: { ente: string; key: string }): string => `${r.ente}/${r.key}`;

/** Record writes inside the caller's transaction: rows, their change-log entries and outbox events together. */
@Injectable()
export class RecordStore {
  constructor(
    private readonly db: Database,
    private readonly settings: ExchangeSettings,
  ) {}

  /** Stores the writes that change something; same content as stored is `unchanged` (no revision, no event). */
  async upsert(
    client: PoolClient,
    ref: RecordTypeRef,
    writes: RecordWrite[],
    trace: RequestTrace,
  ): Promise<WriteOutcome[]> {
    await client.query(lockFeedSql(this.db.table('feed_counter')));
    const current = await this.current(client, ref.type, writes);
    const outcomes = new Map<string, WriteOutcome>();
    const changed: RecordWrite[] = [];
    for (const w of writes) {
      const row = current.get(address(w));
      checkExpected(w.expected, row);
      if (row && !row.deleted && row.content_hash === w.hash)
        outcomes.set(address(w), { ente: w.ente, key: w.key, status: 'unchanged', revision: row.revision });
      else changed.push(w);
    }
    if (changed.length > 0) {
      const last = await this.nextPositions(client, changed.length);
      const { rows } = await client.query<ChangedRow>(
        upsertRecordsSql(this.db.table('record'), this.db.table('record_change')),
        [
          ref.type,
          ref.major,
          ref.visibility,
          changed.map(() => uuidv7()),
          changed.map((w) => w.ente),
          changed.map((w) => w.key),
          changed.map((w) => JSON.stringify(w.data)),
          changed.map((w) => w.hash),
          changed.map((_, i) => String(last - BigInt(changed.length - 1 - i))),
        ],
      );
      const data = new Map(changed.map((w) => [address(w), w.data]));
      await this.publish(
        client,
        ref,
        rows.map((r) => ({ ...r, time: r.updated_at, data: data.get(address(r)) })),
        trace,
      );
      for (const r of rows)
        outcomes.set(address(r), {
          ente: r.ente,
          key: r.key,
          status: r.operation === 'updated' ? 'updated' : 'created',
          revision: r.revision,
        });
    }
    return writes.map((w) => outcomes.get(address(w)) as WriteOutcome);
  }

  /** Turns a live record into a tombstone: next revision, no data, a `deleted` event. */
  async remove(
    client: PoolClient,
    ref: RecordTypeRef,
    ente: string,
    key: string,
    expected: ExpectedRevision | undefined,
    trace: RequestTrace,
  ): Promise<number> {
    await client.query(lockFeedSql(this.db.table('feed_counter')));
    const row = (await this.current(client, ref.type, [{ ente, key }])).get(address({ ente, key }));
    if (!row || row.deleted) throw new RecordNotFoundError();
    checkExpected(expected, row);
    const position = await this.nextPositions(client, 1);
    const { rows } = await client.query<ChangedRow>(
      deleteRecordSql(this.db.table('record'), this.db.table('record_change')),
      [ref.type, ente, key, String(position)],
    );
    const deleted = rows[0] as ChangedRow;
    await this.publish(client, ref, [{ ...deleted, time: deleted.updated_at, data: null }], trace);
    return deleted.revision;
  }

  private async current(
    client: PoolClient,
    type: string,
    addresses: { ente: string; key: string }[],
  ): Promise<Map<string, CurrentRow>> {
    const { rows } = await client.query<CurrentRow>(currentRecordsSql(this.db.table('record')), [
      type,
      addresses.map((a) => a.ente),
      addresses.map((a) => a.key),
    ]);
    return new Map(rows.map((r) => [address(r), r]));
  }

  /** Reserves `count` positions and returns the last; see lockFeedSql for why a counter row. */
  private async nextPositions(client: PoolClient, count: number): Promise<bigint> {
    const { rows } = await client.query<{ position: string }>(nextPositionsSql(this.db.table('feed_counter')), [count]);
    return BigInt((rows[0] as { position: string }).position);
  }

  /** The changes' events to the outbox and their audit entries to the trail, in the write's transaction. */
  private async publish(
    client: PoolClient,
    ref: RecordTypeRef,
    changes: RecordChange[],
    trace: RequestTrace,
  ): Promise<void> {
    await appendOutbox(
      client,
      this.db.schema,
      changes.map((c) => recordEvent(this.settings, ref, c, trace)),
    );
    await appendAudit(
      client,
      this.db.schema,
      changes.map((c) => ({
        clientId: trace.actor.clientId,
        ente: trace.actor.ente,
        action: c.operation,
        recordType: ref.type,
        recordEnte: c.ente,
        recordKey: c.key,
        revision: c.revision,
        correlationId: trace.correlationId,
      })),
    );
  }
}

function checkExpected(expected: ExpectedRevision | undefined, row: CurrentRow | undefined): void {
  if (expected === undefined) return;
  const revision = row && !row.deleted ? row.revision : null;
  if (revision === null || (expected !== '*' && expected !== revision)) throw new RevisionMismatchError(revision);
}
