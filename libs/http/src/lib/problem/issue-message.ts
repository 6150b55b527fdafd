import type { ErrorObject } from 'ajv';
import localizeItalian from 'ajv-i18n/localize/it';
import type { Language } from '../language/language';
import type { IssueDetail } from './problem.error';

/**
 * The sentence of an issue in the caller's language. A JSON Schema keyword with its parameters is
 * put into Italian by ajv-i18n (the ajv project's own translations), so the hundreds of shapes a
 * schema can refuse need no catalog of ours; our rules' issues carry their Italian sentence.
 */
export function issueMessageIn(issue: IssueDetail, language: Language): string {
  if (language === 'en') return issue.message;
  if (issue.it !== undefined) return issue.it;
  if (issue.params === undefined) return issue.message;
  const error = { keyword: issue.keyword, params: issue.params, instancePath: '', schemaPath: '' } as ErrorObject;
  localizeItalian([error]);
  return error.message ?? issue.message;
}
