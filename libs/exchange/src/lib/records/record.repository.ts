import { Injectable } from '@nestjs/common';
import { bool, int, nullable, oneOf, prepared, rowParser, text, timestamp } from '@interscambio/persistence';
import type { SqlExecutor } from '@interscambio/persistence';
import { appendAuditSql } from '@interscambio/audit';
import { appendOutboxSql } from '@interscambio/messaging';
import { v7 as uuidv7 } from 'uuid';
import { Database } from '../storage/database';
import { lockRecordsSql, revisionsSql, tombstoneRecordsSql, upsertRecordsSql } from './record.sql';
import type { EventTarget, EventTemplate } from './record.events';
import { RECORD_OPERATIONS } from './record.types';
import type { RecordOperation, RecordTypeRef, RequestTrace } from './record.types';

export interface Address {
  ente: string;
  key: string;
}

export interface StoredState extends Address {
  revision: number;
  deleted: boolean;
}

export interface StoredRevision {
  revision: number;
  receipt: string | null;
}

export interface RecordContent extends Address {
  /** The document as received: stored as jsonb, published as this JSON text (field order kept). */
  json: string;
  hash: string;
}

/** What the repository stores of a change's publication (record-publication.ts). */
interface Published {
  event: EventTemplate;
  proof: string;
}

export interface ContentWrite extends Published {
  content: RecordContent;
}

export interface Tombstone extends Published {
  address: Address;
}

export interface Change extends Address {
  revision: number;
  operation: RecordOperation;
  updatedAt: Date;
}

const address = { ente: text, key: text };
const parseState = rowParser('record state', { ...address, revision: int, deleted: bool });
const parseRevision = rowParser('record revision', { ...address, revision: int, receipt: nullable(text) });
const parseChange = rowParser('record change', {
  ...address,
  revision: int,
  operation: oneOf(RECORD_OPERATIONS),
  updated_at: timestamp,
});

export const addressOf = (r: Address): string => `${r.ente}/${r.key}`;

/** What a write statement needs besides the records: when, as whom, and where their events go. */
export interface WriteContext {
  at: Date;
  target: EventTarget;
  trace: RequestTrace;
  /** The JWS every receipt of the write shares (record-publication.ts). */
  receiptJws: string;
}

/**
 * The record table and its change log, through the write path's statements (record.sql.ts), each
 * of which also appends the changes' events and audit entries. Every method runs in the caller's
 * transaction (or is a transaction by itself: one statement).
 */
@Injectable()
export class RecordRepository {
  private readonly sql: Record<'lock' | 'upsert' | 'tombstone' | 'revisions', string>;

  constructor(private readonly db: Database) {
    const [record, change] = [db.table('record'), db.table('record_change')];
    const publication = { outbox: appendOutboxSql(db.schema, 'events'), audit: appendAuditSql(db.schema, 'entries') };
    this.sql = {
      lock: lockRecordsSql(record),
      upsert: upsertRecordsSql(record, change, publication),
      tombstone: tombstoneRecordsSql(record, change, publication),
      revisions: revisionsSql(record, change),
    };
  }

  /** Locks the stored rows of `addresses` (tombstones included) until the transaction ends. */
  async lock(tx: SqlExecutor, type: string, addresses: Address[]): Promise<Map<string, StoredState>> {
    const { rows } = await tx.query(prepared(this.sql.lock), addressParameters(type, addresses));
    return new Map(rows.map(parseState).map((r) => [addressOf(r), r]));
  }

  /** Writes the contents that differ from what is stored, with their events; returns those changes only. */
  async upsert(tx: SqlExecutor, ref: RecordTypeRef, writes: ContentWrite[], context: WriteContext): Promise<Change[]> {
    if (writes.length === 0) return [];
    // Each document goes in as the JSON text it was received as, not parsed and written again.
    const records = writes.map(
      ({ content, event, proof }, n) =>
        `{"n":${n},"id":"${uuidv7()}","ente":${JSON.stringify(content.ente)},"key":${JSON.stringify(content.key)},` +
        `"hash":"${content.hash}","event_id":"${event.id}","headers":${JSON.stringify(event.headers)},` +
        `"proof":"${proof}","data":${content.json}}`,
    );
    return this.write(tx, this.sql.upsert, [ref.type, ref.major, ref.visibility, `[${records.join(',')}]`], context);
  }

  /** Tombstones the live records among `deletes`, which the caller locked first, with their events. */
  async tombstone(tx: SqlExecutor, ref: RecordTypeRef, deletes: Tombstone[], context: WriteContext): Promise<Change[]> {
    if (deletes.length === 0) return [];
    const records = deletes.map(({ address, event, proof }, n) => ({
      n,
      ente: address.ente,
      key: address.key,
      event_id: event.id,
      headers: event.headers,
      proof,
    }));
    return this.write(tx, this.sql.tombstone, [ref.type, JSON.stringify(records)], context);
  }

  /** The current revision of each record, with its receipt. */
  async revisions(tx: SqlExecutor, type: string, addresses: Address[]): Promise<Map<string, StoredRevision>> {
    if (addresses.length === 0) return new Map();
    const { rows } = await tx.query(prepared(this.sql.revisions), addressParameters(type, addresses));
    return new Map(rows.map(parseRevision).map((r) => [addressOf(r), r]));
  }

  /**
   * Runs a write statement: its records' parameters, then those every write takes in this order —
   * when, the feed's position sequence, and publishSql's (record.sql.ts).
   */
  private async write(
    tx: SqlExecutor,
    statement: string,
    records: unknown[],
    context: WriteContext,
  ): Promise<Change[]> {
    const { at, target, trace, receiptJws } = context;
    const { rows } = await tx.query(prepared(statement), [
      ...records,
      at,
      this.db.table('feed_position_seq'),
      target.typeHeader,
      target.typePrefix,
      target.topic,
      trace.actor.clientId,
      trace.actor.ente,
      trace.correlationId,
      receiptJws,
    ]);
    return rows.map(toChange);
  }
}

/** The parameters of the statements that take records by address: their type, then enti and keys side by side. */
function addressParameters(type: string, addresses: Address[]): unknown[] {
  return [type, addresses.map((a) => a.ente), addresses.map((a) => a.key)];
}

function toChange(value: unknown): Change {
  const row = parseChange(value);
  return { ente: row.ente, key: row.key, revision: row.revision, operation: row.operation, updatedAt: row.updated_at };
}
