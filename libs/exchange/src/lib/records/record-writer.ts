import { Injectable } from '@nestjs/common';
import { Observability } from '@interscambio/observability';
import type { Counter } from 'prom-client';
import type { SqlExecutor } from '@interscambio/persistence';
import { ExchangeSettings } from '../exchange.settings';
import { ReceiptSigner } from '../receipts/receipt.signer';
import { Database } from '../storage/database';
import { RecordChecker } from './record-checker';
import type { Checked } from './record-checker';
import { publications } from './record-publication';
import type { Publication } from './record-publication';
import { eventTarget } from './record.events';
import { addressOf, RecordRepository } from './record.repository';
import type { RecordContent, StoredState } from './record.repository';
import type { RecordCommand, RecordOutcome, RecordRejection, RequestTrace } from './record.types';

/**
 * The one write path. Every writer (PUT, DELETE, batch, flows, uploads, console actions) hands its
 * commands here with the transaction it runs in: each is checked (record type, address, ownership,
 * schema and theme rules), the valid ones are written together (record, change log, outbox event,
 * audit entry), and each gets an outcome. Nothing here knows about HTTP: rejections carry domain
 * codes, mapped to statuses at the edge (record-problems.ts).
 */
@Injectable()
export class RecordWriter {
  /** The write path's outcomes, for /metrics. */
  private readonly outcomes: Counter<'theme' | 'type' | 'ente' | 'outcome' | 'reason'>;

  constructor(
    private readonly checker: RecordChecker,
    private readonly settings: ExchangeSettings,
    private readonly records: RecordRepository,
    private readonly db: Database,
    private readonly receipts: ReceiptSigner,
    observability: Observability,
  ) {
    this.outcomes = observability.metrics.counter(
      'interscambio_records_total',
      'Records accepted or rejected by the write path, by theme, type, ente and outcome (status or rejection code)',
      ['theme', 'type', 'ente', 'outcome', 'reason'],
    );
  }

  /**
   * Writes `commands` in a transaction of their own and announces the commit. Puts that depend on
   * nothing stored are one statement (record, change, event, audit entry), so they run as such,
   * without BEGIN and COMMIT: a single PUT is one round trip to PostgreSQL.
   */
  commit(commands: RecordCommand[], trace: RequestTrace): Promise<RecordOutcome[]> {
    const types = new Set(commands.map((c) => c.type));
    if (types.size === 1 && !commands.some((command) => needsLock({ command })))
      return this.db.statement(() => this.write(this.db.pool, commands, trace));
    return this.db.write((tx) => this.write(tx, commands, trace));
  }

  /** Writes `commands` inside the caller's transaction `tx`; the caller announces the commit. */
  async write(tx: SqlExecutor, commands: RecordCommand[], trace: RequestTrace): Promise<RecordOutcome[]> {
    const outcomes: RecordOutcome[] = new Array(commands.length);
    const byType = new Map<string, Checked[]>();
    const seen = new Set<string>();
    commands.forEach((command, index) => {
      const checked = this.checker.check(command, index, trace.actor, seen);
      if ('code' in checked)
        outcomes[index] = { ente: command.ente, key: command.key, status: 'rejected', rejection: checked };
      else byType.set(command.type, [...(byType.get(command.type) ?? []), checked]);
    });
    for (const group of byType.values()) await this.writeType(tx, group, outcomes, trace);
    this.count(commands, outcomes, trace);
    return outcomes;
  }

  /**
   * Outcomes as metrics, labelled only with what is bounded: a rejected command's type and ente may
   * be anything a caller sent, so it counts under `unknown` and the writer's own ente.
   */
  private count(commands: RecordCommand[], outcomes: RecordOutcome[], trace: RequestTrace): void {
    const theme = this.settings.theme;
    outcomes.forEach((outcome, i) => {
      const type = (commands[i] as RecordCommand).type;
      if (outcome.status !== 'rejected')
        return this.outcomes.inc({ theme, type, ente: outcome.ente, outcome: 'accepted', reason: outcome.status });
      const known = outcome.rejection.code !== 'unknown-record-type';
      const labels = { theme, type: known ? type : 'unknown', ente: trace.actor.ente };
      this.outcomes.inc({ ...labels, outcome: 'rejected', reason: outcome.rejection.code });
    });
  }

  private async writeType(
    tx: SqlExecutor,
    group: Checked[],
    outcomes: RecordOutcome[],
    trace: RequestTrace,
  ): Promise<void> {
    const ref = (group[0] as Checked).ref;
    // Every writer takes record locks in address order, so two batches sharing records cannot deadlock.
    group.sort((a, b) => (a.ente === b.ente ? (a.key < b.key ? -1 : 1) : a.ente < b.ente ? -1 : 1));
    const locked = group.filter(needsLock);
    const stored = locked.length > 0 ? await this.records.lock(tx, ref.type, locked) : new Map<string, StoredState>();
    const puts: Checked[] = [];
    const deletes: Checked[] = [];
    for (const c of group) {
      const row = stored.get(addressOf(c));
      const refusal = decide(c.command, row);
      if (refusal === 'kept')
        outcomes[c.index] = { ente: c.ente, key: c.key, status: 'kept', revision: (row as StoredState).revision };
      else if (refusal) outcomes[c.index] = { ente: c.ente, key: c.key, status: 'rejected', rejection: refusal };
      else (c.command.op === 'put' ? puts : deletes).push(c);
    }
    const at = new Date();
    const target = eventTarget(this.settings, ref);
    const { jws, byAddress: published } = await publications(
      [...puts, ...deletes],
      ref,
      { at, target, trace },
      this.receipts,
    );
    const context = { at, target, trace, receiptJws: jws };
    const written = await this.records.upsert(
      tx,
      ref,
      puts.map((c) => ({ content: c.content as RecordContent, ...(published.get(addressOf(c)) as Publication) })),
      context,
    );
    const tombstoned = await this.records.tombstone(
      tx,
      ref,
      deletes.map((c) => ({ address: c, ...(published.get(addressOf(c)) as Publication) })),
      context,
    );
    const byAddress = new Map([...written, ...tombstoned].map((c) => [addressOf(c), c]));
    const unchanged = puts.filter((c) => !byAddress.has(addressOf(c)));
    const current = await this.records.revisions(tx, ref.type, unchanged);
    for (const c of [...puts, ...deletes]) {
      const change = byAddress.get(addressOf(c));
      const stored = current.get(addressOf(c));
      outcomes[c.index] = change
        ? {
            ente: c.ente,
            key: c.key,
            status: change.operation,
            revision: change.revision,
            receipt: published.get(addressOf(c))?.receipt,
          }
        : {
            ente: c.ente,
            key: c.key,
            status: 'unchanged',
            revision: stored?.revision as number,
            receipt: stored?.receipt ?? undefined,
          };
    }
  }
}

/** Commands that depend on what is stored (deletes, If-Match, if absent) read it under a lock first. */
function needsLock(c: { command: RecordCommand }): boolean {
  return (
    c.command.op === 'delete' ||
    c.command.expected !== undefined ||
    (c.command.op === 'put' && c.command.ifAbsent === true)
  );
}

/** What the stored state says of a command: nothing (go ahead), `kept`, or why it is refused. */
function decide(command: RecordCommand, row: StoredState | undefined): RecordRejection | 'kept' | undefined {
  const live = row && !row.deleted ? row.revision : null;
  if (command.op === 'put' && command.ifAbsent && row) return 'kept';
  if (command.op === 'delete' && live === null) return { code: 'record-not-found' };
  const expected = command.expected;
  if (expected !== undefined && (live === null || (expected !== '*' && expected !== live)))
    return { code: 'revision-mismatch', current: live };
  return undefined;
}
