import type { RecordTypeInfo, SchemaCatalog, ValidationIssue } from '@interscambio/schemas';
import { schemaIssueInItalian } from '@interscambio/http';
import type { IssueDetail } from '@interscambio/http';
import { UnknownRecordTypeError } from '../exchange.problems';
import type { RecordTypeRef } from '../records/record.types';
import { EVERY_TYPE } from '../rules/theme-rule';
import type { RuleContext, ThemeRule } from '../rules/theme-rule';

/** The record types of one theme: the shared schema catalog narrowed to it, plus the theme's rules. */
export class ThemeCatalog {
  private readonly rules = new Map<string, ThemeRule[]>();

  /**
   * `publicUrl`: where the platform's gateway answers; each event's `dataschema` is then the URL
   * that serves its schema there (with that URL as `$id`), so a consumer can resolve it.
   */
  constructor(
    private readonly catalog: SchemaCatalog,
    readonly theme: string,
    rules: ThemeRule[] = [],
    private readonly publicUrl?: string,
  ) {
    for (const rule of rules) {
      if (rule.type !== EVERY_TYPE && !catalog.find(theme, rule.type))
        throw new Error(`A rule of theme ${theme} names record type "${rule.type}", which has no schema`);
      this.rules.set(rule.type, [...(this.rules.get(rule.type) ?? []), rule]);
    }
  }

  /** Every theme of the platform (the schemas of all of them are in the catalog). */
  themes(): string[] {
    return this.catalog.themes();
  }

  /** The latest major of every type of the theme. */
  types(): RecordTypeInfo[] {
    return this.catalog.types(this.theme);
  }

  /** Every major of every type of the theme. */
  allMajors(): RecordTypeInfo[] {
    return this.catalog.types(this.theme, { allMajors: true });
  }

  /** The type at `major` (default: the latest); UnknownRecordTypeError when the theme has none. */
  info(type: string, major?: number): RecordTypeInfo {
    const info = this.catalog.find(this.theme, type, major);
    if (!info) throw new UnknownRecordTypeError(major === undefined ? type : `${type}/${major}`);
    return info;
  }

  /** The latest major of another theme's type (a flow's source), or undefined when there is none. */
  sourceMajor(theme: string, type: string): number | undefined {
    return this.catalog.find(theme, type)?.major;
  }

  /** Schema issues of a document of another theme's type: a flow checks what it reads like what it writes. */
  validateSource(theme: string, type: string, major: number, document: unknown): ValidationIssue[] {
    return this.catalog.validate(theme, type, document, major);
  }

  ref(type: string, major?: number): RecordTypeRef {
    return this.refOf(this.info(type, major));
  }

  /** The latest major of `type`, or undefined when the theme has no such type. */
  find(type: string): RecordTypeRef | undefined {
    const info = this.catalog.find(this.theme, type);
    return info ? this.refOf(info) : undefined;
  }

  /** Where the platform serves the schema of `info`: its events' `dataschema`, and its `$id` there. */
  schemaUrl(info: Pick<RecordTypeInfo, 'type' | 'major' | 'id'>): string {
    return this.publicUrl ? `${this.publicUrl}/${this.theme}/v1/schemas/${info.type}/${info.major}` : info.id;
  }

  private refOf(info: RecordTypeInfo): RecordTypeRef {
    return { type: info.type, major: info.major, visibility: info.visibility, dataschema: this.schemaUrl(info) };
  }

  /** Schema issues first; the theme's rules run only on a document the schema accepted. */
  validate(ref: RecordTypeRef, document: unknown, context?: RuleContext): IssueDetail[] {
    const issues = this.catalog.validate(this.theme, ref.type, document, ref.major);
    // The answer shows pointer, keyword and message; the Italian sentence travels for an Italian caller.
    if (issues.length > 0)
      return issues.map(({ pointer, keyword, message, params }) => {
        const it = params ? schemaIssueInItalian(keyword, params) : undefined;
        return { pointer, keyword, message, ...(it ? { it } : {}) };
      });
    const rules = [...(this.rules.get(EVERY_TYPE) ?? []), ...(this.rules.get(ref.type) ?? [])];
    return rules.flatMap((rule) => rule.check(document, context));
  }
}
