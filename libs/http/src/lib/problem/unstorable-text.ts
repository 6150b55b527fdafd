import type { IssueDetail } from './problem.error';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Text PostgreSQL cannot store in jsonb (a NUL) or that is not Unicode (a lone surrogate): JSON
 * Schema accepts both, so they are refused here, with where they are, instead of failing the write.
 * `json`, when given, is the document as JSON text: both only ever appear there as `\u` escapes, so
 * a document without one is not walked. Records (the write path) and the registry's bodies use it.
 */
export function unstorableText(document: unknown, json?: string): IssueDetail[] {
  if (json !== undefined && !json.includes('\\u')) return [];
  const issues: IssueDetail[] = [];
  const visit = (value: unknown, pointer: string): void => {
    if (typeof value === 'string') {
      if (value.includes('\0'))
        issues.push({ pointer, keyword: 'text', message: 'must not contain the NUL character (U+0000)' });
      else if (LONE_SURROGATE.test(value))
        issues.push({ pointer, keyword: 'text', message: 'must be valid Unicode (it holds a lone surrogate)' });
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (typeof k === 'string' && (k.includes('\0') || LONE_SURROGATE.test(k)))
          issues.push({
            pointer,
            keyword: 'text',
            message: 'must not have a property name with NUL or a lone surrogate',
          });
        visit(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      }
    }
  };
  visit(document, '');
  return issues;
}
