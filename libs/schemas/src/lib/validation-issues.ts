import type { ErrorObject } from 'ajv';
import type { ValidationIssue } from './record-type';

// ajv reports a missing or a forbidden property at the object that holds it; clients want the
// pointer of the property itself.
const PROPERTY_PARAM: Record<string, string> = {
  required: 'missingProperty',
  dependentRequired: 'missingProperty',
  additionalProperties: 'additionalProperty',
  unevaluatedProperties: 'unevaluatedProperty',
};

export function toIssues(errors: readonly ErrorObject[]): ValidationIssue[] {
  return errors.map((error) => {
    const property = error.params[PROPERTY_PARAM[error.keyword] ?? ''] as string | undefined;
    const pointer = property === undefined ? error.instancePath : `${error.instancePath}/${escapePointer(property)}`;
    return { pointer, keyword: error.keyword, message: error.message ?? error.keyword, params: { ...error.params } };
  });
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
