import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '@interscambio/persistence';
import { v7 as uuidv7 } from 'uuid';
import { Database } from '../storage/database';
import { lockRecordsSql, revisionsSql, tombstoneRecordsSql, upsertRecordsSql } from './record.sql';
import type { RecordOperation, RecordTypeRef } from './record.types';

export interface Address {
  ente: string;
  key: string;
}

export interface StoredState extends Address {
  revision: number;
  deleted: boolean;
}

export interface RecordContent extends Address {
  /** The document as received: stored as jsonb, published as this JSON text (field order kept). */
  json: string;
  hash: string;
}

export interface Change extends Address {
  revision: number;
  operation: RecordOperation;
  updatedAt: Date;
}

interface ChangeRow {
  ente: string;
  key: string;
  revision: number;
  operation: RecordOperation;
  updated_at: Date;
}

export const addressOf = (r: Address): string => `${r.ente}/${r.key}`;

/**
 * The record table and its change log, through the write path's statements (record.sql.ts). Every
 * method runs in the caller's transaction.
 */
@Injectable()
export class RecordRepository {
  constructor(private readonly db: Database) {}

  /** Locks the stored rows of `addresses` (tombstones included) until the transaction ends. */
  async lock(tx: SqlExecutor, type: string, addresses: Address[]): Promise<Map<string, StoredState>> {
    const { rows } = await tx.query(lockRecordsSql(this.db.table('record')), [
      type,
      addresses.map((a) => a.ente),
      addresses.map((a) => a.key),
    ]);
    return new Map((rows as StoredState[]).map((r) => [addressOf(r), r]));
  }

  /** Writes the contents that differ from what is stored; returns those changes only. */
  async upsert(tx: SqlExecutor, ref: RecordTypeRef, contents: RecordContent[]): Promise<Change[]> {
    if (contents.length === 0) return [];
    const { rows } = await tx.query(upsertRecordsSql(this.db.table('record'), this.db.table('record_change')), [
      ref.type,
      ref.major,
      ref.visibility,
      contents.map(() => uuidv7()),
      contents.map((c) => c.ente),
      contents.map((c) => c.key),
      contents.map((c) => c.json),
      contents.map((c) => c.hash),
      this.db.table('feed_position_seq'),
    ]);
    return (rows as ChangeRow[]).map(toChange);
  }

  /** Tombstones the live records among `addresses`, which the caller locked first. */
  async tombstone(tx: SqlExecutor, ref: RecordTypeRef, addresses: Address[]): Promise<Change[]> {
    if (addresses.length === 0) return [];
    const { rows } = await tx.query(tombstoneRecordsSql(this.db.table('record'), this.db.table('record_change')), [
      ref.type,
      addresses.map((a) => a.ente),
      addresses.map((a) => a.key),
      this.db.table('feed_position_seq'),
    ]);
    return (rows as ChangeRow[]).map(toChange);
  }

  async revisions(tx: SqlExecutor, type: string, addresses: Address[]): Promise<Map<string, number>> {
    if (addresses.length === 0) return new Map();
    const { rows } = await tx.query(revisionsSql(this.db.table('record')), [
      type,
      addresses.map((a) => a.ente),
      addresses.map((a) => a.key),
    ]);
    return new Map((rows as (Address & { revision: number })[]).map((r) => [addressOf(r), r.revision]));
  }
}

function toChange(row: ChangeRow): Change {
  return { ente: row.ente, key: row.key, revision: row.revision, operation: row.operation, updatedAt: row.updated_at };
}
