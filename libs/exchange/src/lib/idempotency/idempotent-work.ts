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

/**
 * Runs `work`. With an Idempotency-Key, in one write transaction `tx` that also claims the key and
 * stores the answer, so a replay gets the first answer instead; without one, `work` gets no
 * transaction and writes in one of its own (RecordWriter.commit).
 */
export function idempotentWork(
  db: Database,
  store: IdempotencyStore,
  idempotency: Idempotency,
  work: (tx?: PoolClient) => Promise<HttpAnswer>,
): Promise<HttpAnswer> {
  const key = idempotency.key;
  if (key === undefined) return work();
  return db.write(async (client) => {
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
