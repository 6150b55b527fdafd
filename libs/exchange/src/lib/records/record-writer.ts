import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '@interscambio/persistence';
import type { IssueDetail } from '@interscambio/http';
import { v7 as uuidv7 } from 'uuid';
import { ThemeCatalog } from '../catalog/theme.catalog';
import { ExchangeSettings } from '../exchange.settings';
import { ReceiptSigner } from '../receipts/receipt.signer';
import { Database } from '../storage/database';
import { contentHash } from './content-hash';
import { isEnte, isKey } from './record-request';
import { unstorableText } from './record-text';
import { eventTarget, recordEvent } from './record.events';
import { addressOf, RecordRepository } from './record.repository';
import type { Address, RecordContent, StoredState } from './record.repository';
import type { Actor, RecordCommand, RecordOutcome, RecordRejection, RecordTypeRef, RequestTrace } from './record.types';

/** A command that passed every check, ready to be written. */
type Checked = Address & { index: number; ref: RecordTypeRef; command: RecordCommand; content?: RecordContent };

/**
 * The one write path. Every writer (PUT, DELETE, batch, flows, uploads, console actions) hands its
 * commands here with the transaction it runs in: each is checked (record type, address, ownership,
 * schema and theme rules), the valid ones are written together (record, change log, outbox event,
 * audit entry), and each gets an outcome. Nothing here knows about HTTP: rejections carry domain
 * codes, mapped to statuses at the edge (record-problems.ts).
 */
@Injectable()
export class RecordWriter {
  constructor(
    private readonly catalog: ThemeCatalog,
    private readonly settings: ExchangeSettings,
    private readonly records: RecordRepository,
    private readonly db: Database,
    private readonly receipts: ReceiptSigner,
  ) {}

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
      const checked = this.check(command, index, trace.actor, seen);
      if ('code' in checked)
        outcomes[index] = { ente: command.ente, key: command.key, status: 'rejected', rejection: checked };
      else byType.set(command.type, [...(byType.get(command.type) ?? []), checked]);
    });
    for (const group of byType.values()) await this.writeType(tx, group, outcomes, trace);
    return outcomes;
  }

  private check(command: RecordCommand, index: number, actor: Actor, seen: Set<string>): Checked | RecordRejection {
    const ref = this.catalog.find(command.type);
    if (!ref) return { code: 'unknown-record-type', type: command.type };
    // Nobody writes as somebody else: such a command is refused before its content is looked at.
    if (isEnte(command.ente) && command.ente !== actor.ente)
      return { code: 'foreign-ente', ente: command.ente, writer: actor };
    const issues: IssueDetail[] = [];
    if (!isEnte(command.ente))
      issues.push({ pointer: '/ente', keyword: 'ente', message: 'must be a 6-digit ISTAT code' });
    if (!isKey(command.key))
      issues.push({ pointer: '/key', keyword: 'key', message: 'must be 1–200 letters, digits, ".", "_", "~" or "-"' });
    if (issues.length === 0) {
      const address = `${command.type}/${command.ente as string}/${command.key as string}`;
      if (seen.has(address))
        issues.push({
          pointer: '/key',
          keyword: 'uniqueItems',
          message: 'the same record appears earlier in this batch',
        });
      seen.add(address);
    }
    let content: RecordContent | undefined;
    if (command.op === 'put') {
      const found = this.checkContent(ref, command.data, command.ente, command.key);
      issues.push(...found.issues);
      content = found.content;
    }
    if (issues.length > 0) return { code: 'invalid-record', issues };
    return { index, ref, command, content, ente: command.ente as string, key: command.key as string };
  }

  private checkContent(
    ref: RecordTypeRef,
    data: unknown,
    ente: unknown,
    key: unknown,
  ): { issues: IssueDetail[]; content?: RecordContent } {
    if (data === undefined)
      return { issues: [{ pointer: '/data', keyword: 'required', message: "must have required property 'data'" }] };
    const issues = this.catalog.validate(ref, data, isEnte(ente) ? { ente } : undefined);
    // The ente rule speaks of the record's own `ente`, which is part of its address, not of its data.
    if (issues.length > 0)
      return { issues: issues.map((e) => ({ ...e, pointer: e.keyword === 'ente' ? '/ente' : `/data${e.pointer}` })) };
    const json = JSON.stringify(data);
    const text = unstorableText(data, json).map((e) => ({ ...e, pointer: `/data${e.pointer}` }));
    if (text.length > 0) return { issues: text };
    return {
      issues: [],
      content: { ente: ente as string, key: key as string, json, hash: contentHash(data, ref.major) },
    };
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
    const context = { at: new Date(), target: eventTarget(this.settings, ref), trace };
    // Each change gets its event id and its signed receipt before the write, which stores both.
    const ids = new Map([...puts, ...deletes].map((c) => [addressOf(c), uuidv7()]));
    const leaves = [...puts, ...deletes].map((c) => ({
      type: ref.type,
      ente: c.ente,
      key: c.key,
      event: ids.get(addressOf(c)) as string,
      operation: c.command.op,
      contentHash: c.command.op === 'put' ? (c.content as RecordContent).hash : null,
    }));
    const write = { time: context.at, clientId: trace.actor.clientId, correlationId: trace.correlationId };
    const signatures = leaves.length > 0 ? this.receipts.sign(leaves, write) : [];
    const receipts = new Map(leaves.map((leaf, i) => [`${leaf.ente}/${leaf.key}`, signatures[i] as string]));
    const published = (c: Checked) => {
      const receipt = receipts.get(addressOf(c)) as string;
      const data = c.command.op === 'put' ? c.command.data : null;
      const id = ids.get(addressOf(c)) as string;
      return { event: recordEvent(context.target, ref, { ...c, id, time: context.at, data, receipt }, trace), receipt };
    };
    const written = await this.records.upsert(
      tx,
      ref,
      puts.map((c) => ({ content: c.content as RecordContent, ...published(c) })),
      context,
    );
    const tombstoned = await this.records.tombstone(
      tx,
      ref,
      deletes.map((c) => ({ address: c, ...published(c) })),
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
            receipt: receipts.get(addressOf(c)),
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
