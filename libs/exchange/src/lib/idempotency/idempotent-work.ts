import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { HttpAnswer } from '@interscambio/http';
import { canonicalJson } from '../records/content-hash';
import type { Database } from '../storage/database';
import type { IdempotencyStore } from './idempotency.store';

export interface Idempotency {
  scope: string;
  key?: string;
  /** Everything that makes two requests the same request. */
  request: unknown;
}

/** Runs `work` as one write transaction; with an Idempotency-Key, a replay gets the first answer instead. */
export function idempotentWork(
  db: Database,
  store: IdempotencyStore,
  idempotency: Idempotency,
  work: (client: PoolClient) => Promise<HttpAnswer>,
): Promise<HttpAnswer> {
  const key = idempotency.key;
  return db.write(async (client) => {
    if (key === undefined) return work(client);
    const claim = {
      scope: idempotency.scope,
      key,
      fingerprint: createHash('sha256').update(canonicalJson(idempotency.request)).digest('hex'),
    };
    const replay = await store.claim(client, claim);
    if (replay) return replay;
    const answer = await work(client);
    await store.save(client, claim, answer);
    return answer;
  });
}
