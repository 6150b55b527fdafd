import type { IssueDetail } from '@interscambio/http';

/** Where a document is being written: what the path says and the document cannot. */
export interface RuleContext {
  /** The ISTAT code of the ente in the path. */
  ente: string;
}

/** The `type` of a rule that applies to every record type of the theme. */
export const EVERY_TYPE = '*';

/** A check JSON Schema cannot express, run after the schema accepted the document. */
export interface ThemeRule {
  /** The record type it applies to, or EVERY_TYPE. */
  type: string;
  check(document: unknown, context?: RuleContext): IssueDetail[];
}
