import { ProblemError, requestLanguage } from '@interscambio/http';
import type { HttpRequest, IssueDetail, Language } from '@interscambio/http';

export type { Language };

/** Uploads are for clerks: Italian unless the caller prefers English. */
export function languageOf(request: HttpRequest): Language {
  return requestLanguage(request, 'it');
}

type Words = Record<Language, string>;

class UploadProblem extends ProblemError {
  constructor(code: string, status: number, title: Words, detail: Words, lang: Language, errors?: IssueDetail[]) {
    super(code, status, title[lang], detail[lang], errors);
  }
}

export const uploadTooLarge = (lang: Language, max: number): ProblemError =>
  new UploadProblem(
    'upload-too-large',
    413,
    { it: 'File troppo grande', en: 'Payload too large' },
    {
      it: `Il file supera ${max / 1024 / 1024} MB: dividerlo in più file.`,
      en: `The file is larger than ${max / 1024 / 1024} MB: split it into several files.`,
    },
    lang,
  );

export const uploadEmpty = (lang: Language, headerOnly: boolean): ProblemError =>
  new UploadProblem(
    'upload-empty',
    422,
    { it: 'File vuoto', en: 'Empty file' },
    headerOnly
      ? { it: 'Il file ha l’intestazione ma nessuna riga di dati.', en: 'The file has a header but no data rows.' }
      : { it: 'Il file è vuoto.', en: 'The file is empty.' },
    lang,
  );

export const uploadWrongFormat = (lang: Language): ProblemError =>
  new UploadProblem(
    'upload-unsupported-format',
    415,
    { it: 'Formato non supportato', en: 'Unsupported media type' },
    {
      it: 'Il file non è un CSV né un XLSX (il vecchio formato .xls non è letto: salvarlo come .xlsx o .csv).',
      en: 'The file is neither CSV nor XLSX (the old .xls format is not read: save it as .xlsx or .csv).',
    },
    lang,
  );

export const uploadMalformed = (lang: Language, reason: string): ProblemError =>
  new UploadProblem(
    'upload-malformed',
    422,
    { it: 'File illeggibile', en: 'Unreadable file' },
    {
      it: `Il file non si legge: ${reason}. Nessuna riga è stata pubblicata.`,
      en: `The file cannot be read: ${reason}. No row was published.`,
    },
    lang,
  );

export const uploadColumns = (lang: Language, issues: IssueDetail[]): ProblemError =>
  new UploadProblem(
    'upload-unknown-columns',
    422,
    { it: 'Colonne non valide', en: 'Invalid columns' },
    {
      it: 'L’intestazione del file non corrisponde al modello del tipo di record: scaricare il modello e usarne le colonne.',
      en: 'The file’s header does not match the record type’s template: download the template and use its columns.',
    },
    lang,
    issues,
  );

export const uploadNotFound = (lang: Language): ProblemError =>
  new UploadProblem(
    'upload-not-found',
    404,
    { it: 'Caricamento non trovato', en: 'Upload not found' },
    { it: 'Nessun caricamento con questo identificativo.', en: 'No upload has this id.' },
    lang,
  );
