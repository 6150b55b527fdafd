import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { ThemeCatalog } from '../catalog/theme.catalog';
import { MAX_BATCH_ITEMS } from '../records/batch.service';
import { RecordWriter } from '../records/record-writer';
import type { RequestTrace } from '../records/record.types';
import { Database } from '../storage/database';
import { columnsOf } from './upload-columns';
import type { SchemaNode, UploadColumn } from './upload-columns';
import { rejectionErrors, rowCommand, rowError } from './upload-row';
import type { RowError, SheetRow } from './upload-row';
import { sheetRows } from './upload-sheet';
import { UploadStore } from './upload.store';
import type { BatchProgress, Upload } from './upload.store';

/** Rows per transaction: as many as the batch endpoint takes, written by one statement. */
const UPLOAD_BATCH_ROWS = MAX_BATCH_ITEMS;
const POLL_MS = 2000;

class CheckpointMovedError extends Error {}

/**
 * Publishes stored uploads, batch by batch, through the RecordWriter. Each batch's records and the
 * upload's new checkpoint commit together; a process that dies mid-batch leaves neither, and the
 * next one (here or on another replica: a session advisory lock, released by PostgreSQL when the
 * holder's connection dies, says who works on an upload) goes on after the checkpoint.
 */
@Injectable()
export class UploadProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('UploadProcessor');
  private running: Promise<void> | undefined;
  private again = false;
  private stopping = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: UploadStore,
    private readonly db: Database,
    private readonly catalog: ThemeCatalog,
    private readonly writer: RecordWriter,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.timer.unref();
    this.wake();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Looks for work now (a new upload arrived); at most one pass runs at a time. */
  wake(): void {
    if (this.stopping) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => (this.running = undefined));
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      try {
        for (const id of await this.store.unfinished()) {
          if (this.stopping) return;
          await this.underLock(id);
        }
      } catch (error) {
        // PostgreSQL away, say: the next poll tries again from the checkpoint. Only the error's code:
        // a database message can quote a row's values (a codice fiscale), which stay out of logs.
        this.logger.warn(`uploads paused: ${errorCode(error)}`);
        return;
      }
    } while (this.again && !this.stopping);
  }

  private async underLock(id: string): Promise<void> {
    const client = await this.db.pool.connect();
    let broken: Error | undefined;
    client.on('error', (error) => (broken = error));
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        `select pg_try_advisory_lock(hashtextextended('upload:' || $1, 0)) as locked`,
        [id],
      );
      if (!rows[0]?.locked) return;
      try {
        await this.process(id);
      } finally {
        await client.query(`select pg_advisory_unlock(hashtextextended('upload:' || $1, 0))`, [id]);
      }
    } finally {
      client.release(broken);
    }
  }

  private async process(id: string): Promise<void> {
    const upload = await this.store.find(id);
    if (!upload || upload.status === 'completato') return;
    const all = columnsOf(this.catalog.info(upload.type).schema as SchemaNode);
    const columns = upload.columns.map((path) => all.find((c) => c.path === path) as UploadColumn);
    const trace: RequestTrace = {
      correlationId: upload.correlationId,
      actor: { clientId: upload.clientId, ente: upload.ente },
    };
    const keys = new Map<string, number>();
    let checkpoint = upload.checkpoint;
    let batch: SheetRow[] = [];
    let header = true;
    for await (const row of sheetRows(this.chunks(id), upload)) {
      if (header) {
        header = false;
        continue;
      }
      if (row.number <= checkpoint) continue;
      batch.push(row);
      if (batch.length < UPLOAD_BATCH_ROWS) continue;
      checkpoint = await this.publish(upload, columns, batch, checkpoint, trace, keys);
      batch = [];
      if (this.stopping) return;
    }
    if (batch.length > 0) await this.publish(upload, columns, batch, checkpoint, trace, keys);
    await this.store.finish(id);
    this.logger.log(`upload ${id} (${upload.type}, ente ${upload.ente}) completed`);
  }

  /** One batch: its valid rows written, its bad rows reported, the checkpoint moved, all in one transaction. */
  private async publish(
    upload: Upload,
    columns: UploadColumn[],
    batch: SheetRow[],
    from: number,
    trace: RequestTrace,
    keys: Map<string, number>,
  ): Promise<number> {
    const checkpoint = (batch[batch.length - 1] as SheetRow).number;
    const errors: BatchProgress['errors'] = [];
    const writes: { row: SheetRow; command: Parameters<RecordWriter['write']>[1][number] }[] = [];
    for (const row of batch) {
      const made = rowCommand(upload.type, columns, row, upload.ente);
      const duplicate =
        'command' in made ? repeated(keys, row, made.command.ente, made.command.key, columns) : undefined;
      if ('errors' in made) errors.push({ row: row.number, cells: row.cells, errors: made.errors });
      else if (duplicate) errors.push({ row: row.number, cells: row.cells, errors: [duplicate] });
      else writes.push({ row, command: made.command });
    }
    await this.db.write(async (tx) => {
      const outcomes = await this.writer.write(
        tx,
        writes.map((w) => w.command),
        trace,
      );
      const rejected = [...errors];
      outcomes.forEach((outcome, i) => {
        const { row } = writes[i] as { row: SheetRow };
        if (outcome.status === 'rejected')
          rejected.push({
            row: row.number,
            cells: row.cells,
            errors: rejectionErrors(row, columns, outcome.rejection),
          });
      });
      rejected.sort((a, b) => a.row - b.row);
      const progress = { checkpoint, read: batch.length, published: batch.length - rejected.length, errors: rejected };
      if (!(await this.store.advance(tx, upload.id, from, progress))) throw new CheckpointMovedError(upload.id);
    });
    return checkpoint;
  }

  /** The stored file, one chunk at a time. */
  private chunks(id: string): Readable {
    const store = this.store;
    return Readable.from(
      (async function* () {
        for (let n = 0; ; n++) {
          const chunk = await store.chunkAt(id, n);
          if (!chunk) return;
          yield chunk;
        }
      })(),
    );
  }
}

/** A record given by an earlier row of the same file: reported, not silently overwritten. */
function repeated(
  keys: Map<string, number>,
  row: SheetRow,
  ente: unknown,
  key: unknown,
  columns: UploadColumn[],
): RowError | undefined {
  const address = `${String(ente)}/${String(key)}`;
  const first = keys.get(address);
  if (first === undefined) {
    keys.set(address, row.number);
    return undefined;
  }
  const index = columns.findIndex((c) => c.path === 'key');
  return rowError(row.number, 'Chiave', (row.cells[index] ?? '').trim(), {
    problem: `il record compare già alla riga ${first}`,
    fix: 'Tenere una sola riga per ogni chiave.',
  });
}

/** What a log may say of a failure: its SQLSTATE or system code, or its class. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown error';
}
