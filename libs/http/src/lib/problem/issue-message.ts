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
  return issue.it ?? (issue.params ? schemaIssueInItalian(issue.keyword, issue.params) : undefined) ?? issue.message;
}

/** ajv-i18n's Italian sentence for a JSON Schema keyword and its parameters. */
export function schemaIssueInItalian(keyword: string, params: Readonly<Record<string, unknown>>): string | undefined {
  const error = { keyword, params, instancePath: '', schemaPath: '' } as ErrorObject;
  localizeItalian([error]);
  return error.message;
}
