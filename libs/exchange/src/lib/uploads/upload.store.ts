import { Injectable } from '@nestjs/common';
import { int, nullable, oneOf, rowParser, text, textArray, timestamp } from '@interscambio/persistence';
import type { SqlExecutor } from '@interscambio/persistence';
import { Database } from '../storage/database';
import type { RowError } from './upload-row';
import type { SheetLayout } from './upload-sheet';

const UPLOAD_STATUSES = ['in-coda', 'in-corso', 'completato'] as const;
type UploadStatus = (typeof UPLOAD_STATUSES)[number];

/** An upload as stored: the file's layout, its header mapped to column paths, and its progress. */
export interface Upload extends SheetLayout {
  id: string;
  type: string;
  ente: string;
  clientId: string;
  correlationId: string;
  fileName: string | null;
  size: number;
  /** The column path of each of the file's columns, in its order. */
  columns: string[];
  totalRows: number;
  checkpoint: number;
  rowsRead: number;
  published: number;
  rejected: number;
  status: UploadStatus;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

/** What one committed batch moved: its last row becomes the checkpoint. */
export interface BatchProgress {
  checkpoint: number;
  read: number;
  published: number;
  errors: { row: number; cells: string[]; errors: RowError[] }[];
}

const COLUMNS = `id, type, ente, client_id as "clientId", correlation_id as "correlationId", file_name as "fileName",
  format, encoding, delimiter, size::float8 as size, columns, total_rows as "totalRows", checkpoint,
  rows_read as "rowsRead", published, rejected, status, created_at as "createdAt", updated_at as "updatedAt",
  finished_at as "finishedAt"`;

const parseUpload: (row: unknown) => Upload = rowParser('upload', {
  id: text,
  type: text,
  ente: text,
  clientId: text,
  correlationId: text,
  fileName: nullable(text),
  format: oneOf(['csv', 'xlsx']),
  encoding: oneOf(['utf-8', 'windows-1252']),
  delimiter: text,
  size: int,
  columns: textArray,
  totalRows: int,
  checkpoint: int,
  rowsRead: int,
  published: int,
  rejected: int,
  status: oneOf(UPLOAD_STATUSES),
  createdAt: timestamp,
  updatedAt: timestamp,
  finishedAt: nullable(timestamp),
});

/** The upload tables: the upload's state, its file in chunks, its rejected rows. */
@Injectable()
export class UploadStore {
  private readonly upload: string;
  private readonly chunk: string;
  private readonly error: string;

  constructor(private readonly db: Database) {
    [this.upload, this.chunk, this.error] = ['upload', 'upload_chunk', 'upload_error'].map((t) => db.table(t)) as [
      string,
      string,
      string,
    ];
  }

  async create(
    tx: SqlExecutor,
    upload: Omit<Upload, 'checkpoint' | 'rowsRead' | 'published' | 'rejected' | 'status' | 'updatedAt' | 'finishedAt'>,
  ): Promise<void> {
    await tx.query(
      `insert into ${this.upload} (id, type, ente, client_id, correlation_id, file_name, format, encoding, delimiter,
         size, columns, total_rows, status, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'in-coda', $13, $13)`,
      [
        upload.id,
        upload.type,
        upload.ente,
        upload.clientId,
        upload.correlationId,
        upload.fileName,
        upload.format,
        upload.encoding,
        upload.delimiter,
        upload.size,
        JSON.stringify(upload.columns),
        upload.totalRows,
        upload.createdAt,
      ],
    );
  }

  async addChunk(tx: SqlExecutor, id: string, n: number, data: Buffer): Promise<void> {
    await tx.query(`insert into ${this.chunk} (upload_id, n, data) values ($1, $2, $3)`, [id, n, data]);
  }

  async chunkAt(id: string, n: number): Promise<Buffer | undefined> {
    const { rows } = await this.db.pool.query<{ data: Buffer }>(
      `select data from ${this.chunk} where upload_id = $1 and n = $2`,
      [id, n],
    );
    return rows[0]?.data;
  }

  /** The upload `id` of `ente` (an upload of another ente does not exist for the caller). */
  async find(id: string, ente?: string): Promise<Upload | undefined> {
    const { rows } = await this.db.pool.query(
      `select ${COLUMNS} from ${this.upload} where id = $1 and ($2::text is null or ente = $2)`,
      [id, ente ?? null],
    );
    return rows[0] === undefined ? undefined : parseUpload(rows[0]);
  }

  /** Uploads not yet completed, oldest first: what the processor (re)starts. */
  async unfinished(): Promise<string[]> {
    const { rows } = await this.db.pool.query<{ id: string }>(
      `select id from ${this.upload} where status <> 'completato' order by created_at`,
    );
    return rows.map((r) => r.id);
  }

  /**
   * Records a batch's progress in the transaction that wrote its records. False when the checkpoint
   * is no longer `from` (another process went on): the caller then rolls back the whole batch.
   */
  async advance(tx: SqlExecutor, id: string, from: number, progress: BatchProgress): Promise<boolean> {
    const rejected = progress.errors.length;
    const { rowCount } = await tx.query(
      `update ${this.upload} set checkpoint = $3, rows_read = rows_read + $4, published = published + $5,
         rejected = rejected + $6, status = 'in-corso', updated_at = now()
       where id = $1 and checkpoint = $2`,
      [id, from, progress.checkpoint, progress.read, progress.published, rejected],
    );
    if (rowCount !== 1) return false;
    if (rejected > 0)
      await tx.query(
        `insert into ${this.error} (upload_id, row, cells, errors)
         select $1, e.row, e.cells, e.errors from json_to_recordset($2::json) as e(row integer, cells jsonb, errors jsonb)`,
        [id, JSON.stringify(progress.errors)],
      );
    return true;
  }

  /** The end of an upload: its file is no longer needed, its report stays. */
  async finish(id: string): Promise<void> {
    await this.db.write(async (tx) => {
      await tx.query(
        `update ${this.upload} set status = 'completato', finished_at = now(), updated_at = now() where id = $1`,
        [id],
      );
      await tx.query(`delete from ${this.chunk} where upload_id = $1`, [id]);
    });
  }

  /** Rejected rows after `afterRow`, in row order. */
  async errors(
    id: string,
    afterRow: number,
    limit: number,
  ): Promise<{ row: number; cells: string[]; errors: RowError[] }[]> {
    const { rows } = await this.db.pool.query<{ row: number; cells: string[]; errors: RowError[] }>(
      `select row, cells, errors from ${this.error} where upload_id = $1 and row > $2 order by row limit $3`,
      [id, afterRow, limit],
    );
    return rows;
  }
}
