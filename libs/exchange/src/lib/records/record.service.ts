import { Injectable } from '@nestjs/common';
import type { Caller } from '@interscambio/access';
import { BadRequestError, etag, ValidationError } from '@interscambio/http';
import type { HttpAnswer, HttpRequest } from '@interscambio/http';
import { ReadAudit } from '../access/read-audit';
import { checkWriter } from '../access/write-access';
import { ThemeCatalog } from '../catalog/theme.catalog';
import { IdempotencyStore } from '../idempotency/idempotency.store';
import { idempotentWork } from '../idempotency/idempotent-work';
import { RecordNotFoundError } from '../problem/exchange.error';
import { Database } from '../storage/database';
import { contentHash } from './content-hash';
import { checkEnte, checkKey, expectedRevisionOf, idempotencyKeyOf, traceOf } from './record-request';
import { readRecordSql } from './record.sql';
import { RecordStore } from './record.store';

export interface RecordAddress {
  type: string;
  ente: string;
  key: string;
}

interface ReadRow {
  revision: number;
  data: unknown;
  updated_at: Date;
  visibility: string;
  agreement_id: string | null;
  purpose: string | null;
}

/** One record at a time: validate, then write, tombstone or read it, as the caller may. */
@Injectable()
export class RecordService {
  constructor(
    private readonly db: Database,
    private readonly catalog: ThemeCatalog,
    private readonly store: RecordStore,
    private readonly idempotency: IdempotencyStore,
    private readonly reads: ReadAudit,
  ) {}

  async put(at: RecordAddress, body: unknown, request: HttpRequest, caller: Caller): Promise<HttpAnswer> {
    const ref = this.resolve(at);
    checkWriter(caller, at.ente);
    if (body === undefined) throw new BadRequestError('body-required', 'The request has no JSON body.');
    const errors = this.catalog.validate(ref, body, { ente: at.ente });
    if (errors.length > 0) throw new ValidationError(errors);
    const expected = expectedRevisionOf(request);
    const write = { ente: at.ente, key: at.key, data: body, hash: contentHash(body, ref.major), expected };
    const idempotency = {
      scope: caller.clientId,
      key: idempotencyKeyOf(request),
      request: ['PUT', at, expected ?? null, body],
    };
    return idempotentWork(this.db.pool, this.idempotency, idempotency, async (client) => {
      const [outcome] = await this.store.upsert(client, ref, [write], traceOf(request, caller));
      const { status, revision } = outcome as { status: string; revision: number };
      const headers: Record<string, string> = {
        etag: etag(revision),
        'content-type': 'application/json; charset=utf-8',
      };
      if (status === 'created') headers['location'] = request.url.split('?')[0] as string;
      return { status: status === 'created' ? 201 : 200, headers, body };
    });
  }

  async remove(at: RecordAddress, request: HttpRequest, caller: Caller): Promise<HttpAnswer> {
    const ref = this.resolve(at);
    checkWriter(caller, at.ente);
    const expected = expectedRevisionOf(request);
    const idempotency = {
      scope: caller.clientId,
      key: idempotencyKeyOf(request),
      request: ['DELETE', at, expected ?? null],
    };
    return idempotentWork(this.db.pool, this.idempotency, idempotency, async (client) => {
      const revision = await this.store.remove(client, ref, at.ente, at.key, expected, traceOf(request, caller));
      return { status: 204, headers: { etag: etag(revision) }, body: undefined };
    });
  }

  /** A record the caller may not see is not found: its existence is not leaked. */
  async get(at: RecordAddress, request: HttpRequest, caller: Caller): Promise<HttpAnswer> {
    this.resolve(at);
    const { rows } = await this.db.pool.query<ReadRow>(
      readRecordSql(this.db.table('record'), this.db.table('agreement')),
      [at.type, at.ente, at.key, caller.ente],
    );
    const row = rows[0];
    if (!row) throw new RecordNotFoundError();
    // A 304 confirms the caller's copy of personale data is current: it is audited as a read too.
    if (row.visibility === 'personale') {
      const read = { ...at, revision: row.revision, agreementId: row.agreement_id, purpose: row.purpose };
      await this.reads.record([read], traceOf(request, caller));
    }
    const headers = { etag: etag(row.revision), 'last-modified': row.updated_at.toUTCString() };
    if (request.headers['if-none-match'] === headers.etag) return { status: 304, headers, body: undefined };
    return { status: 200, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }, body: row.data };
  }

  private resolve(at: RecordAddress): ReturnType<ThemeCatalog['ref']> {
    const ref = this.catalog.ref(at.type);
    checkEnte(at.ente);
    checkKey(at.key);
    return ref;
  }
}
