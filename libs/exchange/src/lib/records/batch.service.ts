import { Injectable } from '@nestjs/common';
import type { Caller } from '@interscambio/access';
import type { HttpRequest } from '@interscambio/http';
import { ThemeCatalog } from '../catalog/theme.catalog';
import type { IssueDetail } from '@interscambio/http';
import { ValidationError } from '@interscambio/http';
import { Database } from '../storage/database';
import { contentHash } from './content-hash';
import type { HttpAnswer } from '@interscambio/http';
import { IdempotencyStore } from '../idempotency/idempotency.store';
import { idempotentWork } from '../idempotency/idempotent-work';
import { idempotencyKeyOf, isEnte, isKey, traceOf } from './record-request';
import { RecordStore } from './record.store';
import type { RecordWrite } from './record.types';

export const MAX_BATCH_ITEMS = 1000;

export interface BatchItemResult {
  index: number;
  ente?: unknown;
  key?: unknown;
  status: 200 | 201 | 403 | 422;
  outcome: 'created' | 'updated' | 'unchanged' | 'rejected';
  revision?: number;
  errors?: IssueDetail[];
}

/** Many records of one type in one call: invalid items are reported, the valid ones stored together. */
@Injectable()
export class BatchService {
  constructor(
    private readonly db: Database,
    private readonly catalog: ThemeCatalog,
    private readonly store: RecordStore,
    private readonly idempotency: IdempotencyStore,
  ) {}

  async write(type: string, body: unknown, request: HttpRequest, caller: Caller): Promise<HttpAnswer> {
    const ref = this.catalog.ref(type);
    const items = itemsOf(body);
    const results: BatchItemResult[] = [];
    const writes: { index: number; write: RecordWrite }[] = [];
    const seen = new Set<string>();
    items.forEach((item, index) => {
      // Nobody writes as somebody else: such an item is refused before its content is even looked at.
      if (isEnte(item.ente) && item.ente !== caller.ente) {
        const message = `client ${caller.clientId} writes records of ente ${caller.ente} only`;
        const errors = [{ pointer: '/ente', keyword: 'ente', message }];
        results[index] = { index, ente: item.ente, key: item.key, status: 403, outcome: 'rejected', errors };
        return;
      }
      const errors = this.check(ref, item, seen);
      if (errors.length > 0)
        results[index] = { index, ente: item.ente, key: item.key, status: 422, outcome: 'rejected', errors };
      else
        writes.push({
          index,
          write: {
            ente: item.ente as string,
            key: item.key as string,
            data: item.data,
            hash: contentHash(item.data, ref.major),
          },
        });
    });
    const idempotency = { scope: caller.clientId, key: idempotencyKeyOf(request), request: ['POST', type, items] };
    return idempotentWork(this.db.pool, this.idempotency, idempotency, async (client) => {
      const outcomes =
        writes.length > 0
          ? await this.store.upsert(
              client,
              ref,
              writes.map((w) => w.write),
              traceOf(request, caller),
            )
          : [];
      outcomes.forEach((o, i) => {
        const index = (writes[i] as { index: number }).index;
        results[index] = {
          index,
          ente: o.ente,
          key: o.key,
          status: o.status === 'created' ? 201 : 200,
          outcome: o.status,
          revision: o.revision,
        };
      });
      return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: { items: results } };
    });
  }

  private check(ref: ReturnType<ThemeCatalog['ref']>, item: Record<string, unknown>, seen: Set<string>): IssueDetail[] {
    const errors: IssueDetail[] = [];
    if (!isEnte(item.ente)) errors.push({ pointer: '/ente', keyword: 'ente', message: 'must be a 6-digit ISTAT code' });
    if (!isKey(item.key))
      errors.push({ pointer: '/key', keyword: 'key', message: 'must be 1–200 letters, digits, ".", "_", "~" or "-"' });
    if (errors.length === 0) {
      const address = `${item.ente as string}/${item.key as string}`;
      if (seen.has(address))
        errors.push({
          pointer: '/key',
          keyword: 'uniqueItems',
          message: 'the same record appears earlier in this batch',
        });
      seen.add(address);
    }
    if (item.data === undefined)
      return [...errors, { pointer: '/data', keyword: 'required', message: "must have required property 'data'" }];
    const issues = this.catalog.validate(ref, item.data, isEnte(item.ente) ? { ente: item.ente } : undefined);
    // The ente rule speaks of the path's ente, which in a batch is the item's own `ente`.
    return [...errors, ...issues.map((e) => ({ ...e, pointer: e.keyword === 'ente' ? '/ente' : `/data${e.pointer}` }))];
  }
}

function itemsOf(body: unknown): Record<string, unknown>[] {
  const items = (body as { items?: unknown } | undefined)?.items;
  if (!Array.isArray(items) || items.length === 0) {
    throw new ValidationError(
      [{ pointer: '/items', keyword: 'required', message: 'must be a non-empty array of { ente, key, data }' }],
      'The batch has no items.',
    );
  }
  if (items.length > MAX_BATCH_ITEMS) {
    throw new ValidationError(
      [{ pointer: '/items', keyword: 'maxItems', message: `must have at most ${MAX_BATCH_ITEMS} items` }],
      'The batch is too large.',
    );
  }
  const bad = items.findIndex((i) => i === null || typeof i !== 'object' || Array.isArray(i));
  if (bad >= 0)
    throw new ValidationError([{ pointer: `/items/${bad}`, keyword: 'type', message: 'must be an object' }]);
  return items as Record<string, unknown>[];
}
