/**
 * An ente's ISTAT code as the platform writes it: six digits (Palermo 082053). The JSON Schema
 * pattern for documents and OpenAPI, and the same test for code.
 */
export const ISTAT_CODE_PATTERN = '^[0-9]{6}$';

const ISTAT_CODE = new RegExp(ISTAT_CODE_PATTERN);

export function isIstatCode(value: unknown): value is string {
  return typeof value === 'string' && ISTAT_CODE.test(value);
}
