import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { BadRequestError, etag } from '@interscambio/http';
import type { HttpAnswer, IssueDetail } from '@interscambio/http';
import { shownData, shownFields } from '../security/minimised';
import { ReadAuditor } from '../trail/read.auditor';
import { ThemeCatalog } from '../catalog/theme.catalog';
import { IdempotencyStore } from '../idempotency/idempotency.store';
import { idempotentWork } from '../idempotency/idempotent-work';
import { RecordNotFoundError, rejectionIssues, rejectionProblem } from '../exchange.problems';
import { Database } from '../storage/database';
import { checkEnte, checkKey, expectedRevisionOf, idempotencyKeyOf, traceOf } from './record-request';
import type { RecordAddress, RecordCall } from './record-call';
import { RecordWriter } from './record-writer';
import { readRecordSql } from './record.sql';
import type { RecordCommand, RecordOutcome } from './record.types';

interface ReadRow {
  revision: number;
  data: unknown;
  updated_at: Date;
  visibility: string;
  agreement_id: string | null;
  purpose: string | null;
  fields: string[] | null;
}

/** One record at a time, over HTTP: the RecordWriter writes it, this maps its outcome to the answer. */
@Injectable()
export class RecordService {
  constructor(
    private readonly db: Database,
    private readonly catalog: ThemeCatalog,
    private readonly writer: RecordWriter,
    private readonly idempotency: IdempotencyStore,
    private readonly reads: ReadAuditor,
  ) {}

  async put(call: RecordCall, body: unknown): Promise<HttpAnswer> {
    const { at, request, caller } = call;
    this.resolve(at);
    // A write for another ente is refused as such (by the writer) whatever its body.
    if (body === undefined && caller.ente === at.ente)
      throw new BadRequestError('body-required', 'The request has no JSON body.');
    const expected = expectedRevisionOf(request);
    const command: RecordCommand = { op: 'put', ...at, data: body, expected };
    const idempotency = {
      scope: caller.clientId,
      key: idempotencyKeyOf(request),
      request: ['PUT', at, expected ?? null, body],
    };
    return idempotentWork(this.db, this.idempotency, idempotency, async (tx) => {
      const outcome = await this.writeOne(tx, command, call);
      const headers: Record<string, string> = {
        etag: etag(outcome.revision),
        'content-type': 'application/json; charset=utf-8',
        ...receiptHeader(outcome.receipt),
      };
      if (outcome.status === 'created') headers['location'] = request.url.split('?')[0] as string;
      return { status: outcome.status === 'created' ? 201 : 200, headers, body };
    });
  }

  async remove(call: RecordCall): Promise<HttpAnswer> {
    const { at, request, caller } = call;
    this.resolve(at);
    const expected = expectedRevisionOf(request);
    const idempotency = {
      scope: caller.clientId,
      key: idempotencyKeyOf(request),
      request: ['DELETE', at, expected ?? null],
    };
    return idempotentWork(this.db, this.idempotency, idempotency, async (tx) => {
      const outcome = await this.writeOne(tx, { op: 'delete', ...at, expected }, call);
      return {
        status: 204,
        headers: { etag: etag(outcome.revision), ...receiptHeader(outcome.receipt) },
        body: undefined,
      };
    });
  }

  /** A record the caller may not see is not found: its existence is not leaked. */
  async get({ at, request, caller }: RecordCall): Promise<HttpAnswer> {
    this.resolve(at);
    const { rows } = await this.db.pool.query<ReadRow>(
      readRecordSql(this.db.table('record'), this.db.table('agreement')),
      [at.type, at.ente, at.key, caller.ente],
    );
    const row = rows[0];
    if (!row) throw new RecordNotFoundError();
    // A 304 confirms the caller's copy of personale data is current: it is audited as a read too.
    if (row.visibility === 'personale') {
      const read = {
        ...at,
        revision: row.revision,
        agreementId: row.agreement_id,
        purpose: row.purpose,
        fields: shownFields(row),
      };
      await this.reads.record([read], traceOf(request, caller));
    }
    const headers = { etag: etag(row.revision), 'last-modified': row.updated_at.toUTCString() };
    if (request.headers['if-none-match'] === headers.etag) return { status: 304, headers, body: undefined };
    const body = shownData(row);
    return { status: 200, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }, body };
  }

  /**
   * The written record's outcome, in the request's transaction if it has one (Idempotency-Key); a
   * refusal becomes the answer's problem (and rolls that transaction back).
   */
  private async writeOne(
    tx: PoolClient | undefined,
    command: RecordCommand,
    { request, caller }: RecordCall,
  ): Promise<Exclude<RecordOutcome, { status: 'rejected' }>> {
    const trace = traceOf(request, caller);
    const [outcome] = (await (tx ? this.writer.write(tx, [command], trace) : this.writer.commit([command], trace))) as [
      RecordOutcome,
    ];
    if (outcome.status !== 'rejected') return outcome;
    // The body is the document itself: its issues point into it, not into a { ente, key, data } item.
    throw rejectionProblem(outcome.rejection, rejectionIssues(outcome.rejection).map(inBody));
  }

  private resolve(at: RecordAddress): void {
    this.catalog.info(at.type);
    checkEnte(at.ente);
    checkKey(at.key);
  }
}

function inBody(issue: IssueDetail): IssueDetail {
  return { ...issue, pointer: issue.pointer.startsWith('/data') ? issue.pointer.slice('/data'.length) : '' };
}

/** The service's signed receipt of the change (receipts/receipt.signer.ts). */
function receiptHeader(receipt: string | undefined): Record<string, string> {
  return receipt ? { 'interscambio-receipt': receipt } : {};
}
