import type { IssueDetail } from '../problem/exchange.error';

/** A check JSON Schema cannot express, run after the schema accepted the document. */
export interface ThemeRule {
  /** The record type it applies to. */
  type: string;
  check(document: unknown): IssueDetail[];
}
