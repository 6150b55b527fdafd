import type { IssueDetail } from '@interscambio/http';

// A filter is a JSON object: each member names a field by JSON pointer and tests it with one or more
// operators; every test must hold. Data, never code: nothing here is evaluated as JavaScript.
//   { "/importo": { "gte": 100 }, "/stato": { "in": ["aperta", "sospesa"] }, "/nota": { "exists": false } }
export type RecordFilter = Record<string, Partial<Record<FilterOperator, unknown>>>;

const FILTER_OPERATORS = ['eq', 'ne', 'in', 'gt', 'gte', 'lt', 'lte', 'exists', 'prefix'] as const;
type FilterOperator = (typeof FILTER_OPERATORS)[number];

const POINTER = /^(\/([^~/]|~[01])*)+$/;
const MAX_FIELDS = 20;
const MAX_IN = 100;

const isScalar = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const isOrderable = (v: unknown): boolean => typeof v === 'number' || typeof v === 'string';

const OPERAND: Record<FilterOperator, [(v: unknown) => boolean, string]> = {
  eq: [isScalar, 'a string, number, boolean or null'],
  ne: [isScalar, 'a string, number, boolean or null'],
  in: [
    (v) => Array.isArray(v) && v.length > 0 && v.length <= MAX_IN && v.every(isScalar),
    `a list of 1 to ${MAX_IN} scalars`,
  ],
  gt: [isOrderable, 'a number or a string'],
  gte: [isOrderable, 'a number or a string'],
  lt: [isOrderable, 'a number or a string'],
  lte: [isOrderable, 'a number or a string'],
  exists: [(v) => typeof v === 'boolean', 'true or false'],
  prefix: [(v) => typeof v === 'string', 'a string'],
};

const escape = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** What is wrong with `filter`, each issue at its pointer under `at` (e.g. `/filter`); none when it is valid. */
export function filterIssues(filter: unknown, at: string): IssueDetail[] {
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter))
    return [{ pointer: at, keyword: 'type', message: 'must be an object of JSON pointers to tests' }];
  const fields = Object.entries(filter as Record<string, unknown>);
  if (fields.length > MAX_FIELDS)
    return [{ pointer: at, keyword: 'maxProperties', message: `must test at most ${MAX_FIELDS} fields` }];
  const issues: IssueDetail[] = [];
  for (const [field, tests] of fields) {
    const here = `${at}/${escape(field)}`;
    if (!POINTER.test(field)) {
      issues.push({
        pointer: here,
        keyword: 'pointer',
        message: 'must be a JSON pointer into the record, e.g. /stato',
      });
      continue;
    }
    if (tests === null || typeof tests !== 'object' || Array.isArray(tests) || Object.keys(tests).length === 0) {
      issues.push({
        pointer: here,
        keyword: 'type',
        message: `must be an object of tests (${FILTER_OPERATORS.join(', ')})`,
      });
      continue;
    }
    for (const [operator, operand] of Object.entries(tests as Record<string, unknown>)) {
      const check = OPERAND[operator as FilterOperator] as [(v: unknown) => boolean, string] | undefined;
      if (!Object.hasOwn(OPERAND, operator) || !check)
        issues.push({
          pointer: `${here}/${escape(operator)}`,
          keyword: 'operator',
          message: `is not one of ${FILTER_OPERATORS.join(', ')}`,
        });
      else if (!check[0](operand))
        issues.push({ pointer: `${here}/${operator}`, keyword: 'type', message: `must be ${check[1]}` });
    }
  }
  return issues;
}

/** True when `document` passes every test of a filter that filterIssues accepted. */
export function matchesFilter(filter: RecordFilter, document: unknown): boolean {
  return Object.entries(filter).every(([pointer, tests]) => {
    const value = valueAt(document, pointer);
    return Object.entries(tests).every(([operator, operand]) => test(operator as FilterOperator, value, operand));
  });
}

function test(operator: FilterOperator, value: unknown, operand: unknown): boolean {
  switch (operator) {
    case 'exists':
      return (value !== undefined) === operand;
    case 'eq':
      return value === operand;
    case 'ne':
      return value !== operand;
    case 'in':
      return (operand as unknown[]).includes(value);
    case 'prefix':
      return typeof value === 'string' && value.startsWith(operand as string);
    default:
      // Ordering only between values of the same kind: "10" is not greater than 9.
      if (typeof value !== typeof operand) return false;
      return compare(operator, value as number | string, operand as number | string);
  }
}

function compare(operator: 'gt' | 'gte' | 'lt' | 'lte', a: number | string, b: number | string): boolean {
  if (operator === 'gt') return a > b;
  if (operator === 'gte') return a >= b;
  if (operator === 'lt') return a < b;
  return a <= b;
}

function valueAt(document: unknown, pointer: string): unknown {
  let node: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
