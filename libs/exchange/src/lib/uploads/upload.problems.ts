import { ProblemError, requestLanguage } from '@interscambio/http';
import type { HttpRequest, IssueDetail, Language } from '@interscambio/http';
import catalogue from './upload-messages.json';

export type { Language };

/** Uploads are for clerks: Italian unless the caller prefers English. */
export function languageOf(request: HttpRequest): Language {
  return requestLanguage(request, 'it');
}

/** A problem of the catalogue in the caller's language, its detail's `{name}`s filled from `values`. */
function uploadProblem(
  name: keyof typeof catalogue.problems,
  lang: Language,
  values: Record<string, string | number> = {},
  errors?: IssueDetail[],
): ProblemError {
  const { code, status, title, detail } = catalogue.problems[name];
  const text = detail[lang].replace(/\{(\w+)\}/g, (_, key: string) => String(values[key]));
  return new ProblemError(code, status, title[lang], text, errors);
}

export const uploadTooLarge = (lang: Language, max: number): ProblemError =>
  uploadProblem('tooLarge', lang, { megabytes: max / 1024 / 1024 });

export const uploadEmpty = (lang: Language, headerOnly: boolean): ProblemError =>
  uploadProblem(headerOnly ? 'headerOnly' : 'empty', lang);

export const uploadWrongFormat = (lang: Language): ProblemError => uploadProblem('wrongFormat', lang);

export const uploadMalformed = (lang: Language, reason: string): ProblemError =>
  uploadProblem('malformed', lang, { reason });

export const uploadColumns = (lang: Language, issues: IssueDetail[]): ProblemError =>
  uploadProblem('columns', lang, {}, issues);

export const uploadNotFound = (lang: Language): ProblemError => uploadProblem('notFound', lang);
