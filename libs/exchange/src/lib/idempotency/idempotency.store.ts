import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { int, nullable, rowParser, text, textRecord } from '@interscambio/persistence';
import { IdempotencyKeyReusedError } from '../exchange.problems';
import { Database } from '../storage/database';
import type { HttpAnswer } from '@interscambio/http';

const parseStored = rowParser('idempotency_key', {
  fingerprint: text,
  status: int,
  headers: textRecord,
  body: nullable(text),
});

export interface IdempotentRequest {
  /** Whose key space: the ente the request writes for. */
  scope: string;
  key: string;
  /** Hash of method, path, preconditions and body: the same key with another request is refused. */
  fingerprint: string;
}

/**
 * Remembers the answer to each Idempotency-Key in the same transaction as the write it answers.
 * The claim is an insert: a concurrent replay blocks on the key's row until the first request
 * commits, then reads its answer — or takes over if the first rolled back.
 */
@Injectable()
export class IdempotencyStore {
  constructor(private readonly db: Database) {}

  /** The stored answer for a replay; undefined when this request is the first and now owns the key. */
  async claim(client: PoolClient, request: IdempotentRequest): Promise<HttpAnswer | undefined> {
    const table = this.db.table('idempotency_key');
    const claimed = await client.query(
      `insert into ${table} (scope, key, fingerprint, status, headers) values ($1, $2, $3, 0, '{}') on conflict do nothing`,
      [request.scope, request.key, request.fingerprint],
    );
    if (claimed.rowCount === 1) return undefined;
    const { rows } = await client.query(
      `select fingerprint, status, headers, body from ${table} where scope = $1 and key = $2`,
      [request.scope, request.key],
    );
    const stored = rows[0] === undefined ? undefined : parseStored(rows[0]);
    if (!stored || stored.fingerprint !== request.fingerprint) throw new IdempotencyKeyReusedError();
    return {
      status: stored.status,
      headers: { ...stored.headers, 'idempotency-replayed': 'true' },
      body: stored.body === null ? undefined : (JSON.parse(stored.body) as unknown),
    };
  }

  async save(client: PoolClient, request: IdempotentRequest, answer: HttpAnswer): Promise<void> {
    await client.query(
      `update ${this.db.table('idempotency_key')} set status = $3, headers = $4, body = $5 where scope = $1 and key = $2`,
      [
        request.scope,
        request.key,
        answer.status,
        JSON.stringify(answer.headers),
        answer.body === undefined ? null : JSON.stringify(answer.body),
      ],
    );
  }
}
