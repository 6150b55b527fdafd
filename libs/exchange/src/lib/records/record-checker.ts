import { isIstatCode } from '@interscambio/enti';
import { Injectable } from '@nestjs/common';
import { unstorableText } from '@interscambio/http';
import type { IssueDetail } from '@interscambio/http';
import { ThemeCatalog } from '../catalog/theme.catalog';
import { contentHash } from './content-hash';
import { isKey } from './record-request';
import type { Address, RecordContent } from './record.repository';
import type { Actor, RecordCommand, RecordRejection, RecordTypeRef } from './record.types';

/** A command that passed every check, ready to be written. */
export type Checked = Address & { index: number; ref: RecordTypeRef; command: RecordCommand; content?: RecordContent };

/**
 * What a command must pass before anything is written: its record type, its address, its ownership
 * (a foreign ente is refused before its content is looked at), the schema then the theme's rules,
 * and text PostgreSQL can store. Pointers of issues are relative to the command: /ente, /key, /data/...
 */
@Injectable()
export class RecordChecker {
  constructor(private readonly catalog: ThemeCatalog) {}

  check(command: RecordCommand, index: number, actor: Actor, seen: Set<string>): Checked | RecordRejection {
    const ref = this.catalog.find(command.type);
    if (!ref) return { code: 'unknown-record-type', type: command.type };
    // Nobody writes as somebody else: such a command is refused before its content is looked at.
    if (isIstatCode(command.ente) && command.ente !== actor.ente)
      return { code: 'foreign-ente', ente: command.ente, writer: actor };
    const issues: IssueDetail[] = [];
    if (!isIstatCode(command.ente))
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
      const found = this.content(ref, command.data, command.ente, command.key);
      issues.push(...found.issues);
      content = found.content;
    }
    if (issues.length > 0) return { code: 'invalid-record', issues };
    return { index, ref, command, content, ente: command.ente as string, key: command.key as string };
  }

  private content(
    ref: RecordTypeRef,
    data: unknown,
    ente: unknown,
    key: unknown,
  ): { issues: IssueDetail[]; content?: RecordContent } {
    if (data === undefined)
      return { issues: [{ pointer: '/data', keyword: 'required', message: "must have required property 'data'" }] };
    const issues = this.catalog.validate(ref, data, isIstatCode(ente) ? { ente } : undefined);
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
}
