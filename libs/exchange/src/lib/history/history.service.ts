import { Injectable } from '@nestjs/common';
import { compare } from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import type { Caller } from '@interscambio/access';
import { etag, ProblemError } from '@interscambio/http';
import { int, json, nullable, oneOf, rowParser, text, textArray, timestamp } from '@interscambio/persistence';
import type { HttpAnswer } from '@interscambio/http';
import { shownData, shownFields } from '../security/minimised';
import { ReadAuditor } from '../trail/read.auditor';
import type { RecordRead } from '../trail/read.auditor';
import { ThemeCatalog } from '../catalog/theme.catalog';
import { dateTimeOf } from '../feed/query-params';
import { RecordNotFoundError } from '../exchange.problems';
import { checkEnte, checkKey, traceOf } from '../records/record-request';
import type { RecordAddress, RecordCall } from '../records/record-call';
import { RECORD_OPERATIONS } from '../records/record.types';
import type { RecordOperation } from '../records/record.types';
import { Database } from '../storage/database';
import { historyHorizon } from './history.config';
import type { HistoryConfig } from './history.config';
import { asOfSql, revisionsSql, writersSql } from './history.sql';

const parseChange = rowParser('record_change', {
  revision: int,
  operation: oneOf(RECORD_OPERATIONS),
  data: json,
  changed_at: timestamp,
  visibility: text,
  agreement_id: nullable(text),
  purpose: nullable(text),
  fields: nullable(textArray),
});
type ChangeRow = ReturnType<typeof parseChange>;

const parseWriter = rowParser('audit_entry', { revision: nullable(int), client_id: text, ente: text });

export interface RevisionItem {
  revision: number;
  operation: RecordOperation;
  at: string;
  /** The API client (and its ente) that wrote the revision. */
  by: { clientId: string; ente: string } | null;
  /** RFC 6902 JSON Patch from the previous revision shown (from nothing for the first). */
  patch: Operation[];
}

export class HistoryConfigHolder {
  constructor(readonly config: HistoryConfig) {}
}

/**
 * A record's past, read from the change log under the record's own access rules: a personale
 * record's revisions are minimised to the agreement's fields and each one shown is audited.
 */
@Injectable()
export class HistoryService {
  constructor(
    private readonly db: Database,
    private readonly catalog: ThemeCatalog,
    private readonly reads: ReadAuditor,
    private readonly holder: HistoryConfigHolder,
  ) {}

  async revisions(call: RecordCall): Promise<{ items: RevisionItem[] }> {
    const { at, caller } = call;
    this.resolve(at);
    const sql = revisionsSql(this.db.table('record_change'), this.db.table('agreement'));
    const rows = (await this.db.pool.query(sql, [...this.params(at, caller)])).rows.map(parseChange);
    if (rows.length === 0) throw new RecordNotFoundError();
    const writers = await this.db.pool.query(writersSql(this.db.table('audit_entry'), this.db.table('audit_pending')), [
      at.type,
      at.ente,
      at.key,
    ]);
    const by = new Map(writers.rows.map(parseWriter).map((w) => [w.revision, { clientId: w.client_id, ente: w.ente }]));
    await this.audit(call, rows);
    let previous: unknown = {};
    const items = rows.map((row) => {
      const shown = shownData(row) ?? {};
      const patch = compare(previous as object, shown as object);
      previous = shown;
      return {
        revision: row.revision,
        operation: row.operation,
        at: row.changed_at.toISOString(),
        by: by.get(row.revision) ?? null,
        patch,
      };
    });
    return { items };
  }

  /** The record as it was at `asOf`; a record deleted then is a 404 naming when it was deleted. */
  async asOf(call: RecordCall, asOf: string): Promise<HttpAnswer> {
    const { at, caller } = call;
    this.resolve(at);
    const instant = dateTimeOf('asOf', asOf) as Date;
    const sql = asOfSql(this.db.table('record_change'), this.db.table('agreement'));
    const { rows } = await this.db.pool.query(sql, [...this.params(at, caller), instant]);
    if (rows[0] === undefined) throw new RecordNotFoundError();
    const row = parseChange(rows[0]);
    if (row.operation === 'deleted') {
      const deletedAt = row.changed_at.toISOString();
      throw new ProblemError(
        'record-deleted',
        404,
        { it: 'Record cancellato', en: 'Record deleted' },
        { it: `Il record è stato cancellato il ${deletedAt}.`, en: `The record was deleted at ${deletedAt}.` },
        undefined,
        {},
        { deletedAt, revision: row.revision },
      );
    }
    await this.audit(call, [row]);
    return {
      status: 200,
      headers: {
        etag: etag(row.revision),
        'last-modified': row.changed_at.toUTCString(),
        'content-type': 'application/json; charset=utf-8',
      },
      body: shownData(row),
    };
  }

  private params(at: RecordAddress, caller: Caller): unknown[] {
    return [at.type, at.ente, at.key, caller.ente, historyHorizon(this.holder.config, at.type)];
  }

  /** Personale revisions shown are read audit entries, committed before the answer leaves. */
  private async audit({ at, request, caller }: RecordCall, rows: ChangeRow[]): Promise<void> {
    const reads: RecordRead[] = rows
      .filter((r) => r.visibility === 'personale' && r.operation !== 'deleted')
      .map((r) => ({
        ...at,
        revision: r.revision,
        agreementId: r.agreement_id,
        purpose: r.purpose,
        fields: shownFields(r),
      }));
    await this.reads.record(reads, traceOf(request, caller));
  }

  private resolve(at: RecordAddress): void {
    this.catalog.info(at.type);
    checkEnte(at.ente);
    checkKey(at.key);
  }
}
