import { Injectable } from '@nestjs/common';
import { issuesIn, requestLanguage, ValidationError } from '@interscambio/http';
import type { HttpAnswer, IssueDetail, Language } from '@interscambio/http';
import { ThemeCatalog } from '../catalog/theme.catalog';
import { IdempotencyStore } from '../idempotency/idempotency.store';
import { idempotentWork } from '../idempotency/idempotent-work';
import { rejectionIssues, rejectionStatus } from '../exchange.problems';
import { Database } from '../storage/database';
import type { TypeCall } from './record-call';
import { idempotencyKeyOf, traceOf } from './record-request';
import { RecordWriter } from './record-writer';
import type { RecordOutcome } from './record.types';

export const MAX_BATCH_ITEMS = 1000;

export interface BatchItemResult {
  index: number;
  ente?: unknown;
  key?: unknown;
  status: number;
  outcome: 'created' | 'updated' | 'unchanged' | 'rejected';
  revision?: number;
  /** The service's signed receipt of the change. */
  receipt?: string;
  errors?: IssueDetail[];
}

/** Many records of one type in one call: invalid items are reported, the valid ones stored together. */
@Injectable()
export class BatchService {
  constructor(
    private readonly db: Database,
    private readonly catalog: ThemeCatalog,
    private readonly writer: RecordWriter,
    private readonly idempotency: IdempotencyStore,
  ) {}

  async write({ at: { type }, request, caller }: TypeCall, body: unknown): Promise<HttpAnswer> {
    this.catalog.info(type);
    const items = itemsOf(body);
    const idempotency = { scope: caller.clientId, key: idempotencyKeyOf(request), request: ['POST', type, items] };
    return idempotentWork(this.db, this.idempotency, idempotency, async (tx) => {
      const commands = items.map((item) => ({
        op: 'put' as const,
        type,
        ente: item.ente,
        key: item.key,
        data: item.data,
      }));
      const trace = traceOf(request, caller);
      const outcomes = await (tx ? this.writer.write(tx, commands, trace) : this.writer.commit(commands, trace));
      const language = requestLanguage(request);
      const results = outcomes.map((outcome, index) => resultOf(outcome, index, language));
      return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: { items: results } };
    });
  }
}

function resultOf(outcome: RecordOutcome, index: number, language: Language): BatchItemResult {
  const { ente, key } = outcome;
  if (outcome.status === 'rejected') {
    const { rejection } = outcome;
    return {
      index,
      ente,
      key,
      status: rejectionStatus(rejection),
      outcome: 'rejected',
      errors: issuesIn(rejectionIssues(rejection), language),
    };
  }
  const created = outcome.status === 'created';
  const status = outcome.status === 'created' || outcome.status === 'updated' ? outcome.status : 'unchanged';
  return {
    index,
    ente,
    key,
    status: created ? 201 : 200,
    outcome: status,
    revision: outcome.revision,
    ...(outcome.receipt ? { receipt: outcome.receipt } : {}),
  };
}

function itemsOf(body: unknown): Record<string, unknown>[] {
  const items = (body as { items?: unknown } | undefined)?.items;
  if (!Array.isArray(items) || items.length === 0) {
    throw new ValidationError(
      [{ pointer: '/items', keyword: 'required', message: 'must be a non-empty array of { ente, key, data }' }],
      { it: 'Il lotto non ha elementi.', en: 'The batch has no items.' },
    );
  }
  if (items.length > MAX_BATCH_ITEMS) {
    throw new ValidationError(
      [{ pointer: '/items', keyword: 'maxItems', message: `must have at most ${MAX_BATCH_ITEMS} items` }],
      { it: 'Il lotto è troppo grande.', en: 'The batch is too large.' },
    );
  }
  const bad = items.findIndex((i) => i === null || typeof i !== 'object' || Array.isArray(i));
  if (bad >= 0)
    throw new ValidationError([{ pointer: `/items/${bad}`, keyword: 'type', message: 'must be an object' }]);
  return items as Record<string, unknown>[];
}
