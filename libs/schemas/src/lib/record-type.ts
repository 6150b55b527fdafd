export type RecordVisibility = 'pubblico' | 'riservato' | 'personale';

export const RECORD_VISIBILITIES: readonly RecordVisibility[] = ['pubblico', 'riservato', 'personale'];

/** The annotation keyword through which each schema declares who may read its records. */
export const VISIBILITY_KEYWORD = 'x-interscambio-visibility';

export interface RecordTypeInfo {
  theme: string;
  type: string;
  major: number;
  /** The schema's `$id`: https://schemas.interscambio.it/<theme>/<type>/<major>.json */
  id: string;
  title: string;
  description: string;
  visibility: RecordVisibility;
  /** The parsed schema, shared with the validator: treat it as read-only (clone before changing it). */
  schema: object;
  examples: unknown[];
}

export interface ValidationIssue {
  /**
   * RFC 6901 pointer into the document ('' for the root). For a missing required property and for
   * a property that is not allowed, the pointer of that property (e.g. '/anno').
   */
  pointer: string;
  keyword: string;
  message: string;
  params?: Record<string, unknown>;
}

export interface TypesOptions {
  /** Every major of each type, not only the latest. */
  allMajors?: boolean;
}
