import { Catch } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { dependencyFailure, ProblemError, ProblemFilter, toProblem } from '@interscambio/http';
import type { HttpRequest, IssueDetail } from '@interscambio/http';

export type Language = 'it' | 'en';

/** Words in both languages the notifier answers in. */
export interface Words {
  it: string;
  en: string;
}

/**
 * Italian unless the caller asks for English first: the rule of the theme services' bilingual
 * problems (libs/exchange upload problems), so a client gets the same language from all of them.
 */
export function languageOf(request: HttpRequest): Language {
  const first =
    String(request.headers['accept-language'] ?? '')
      .split(',')[0]
      ?.trim()
      .toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'it';
}

/** A problem of the notifier's own, in both languages; its ProblemError text is the English one (logs, tests). */
export class NotifierProblem extends ProblemError {
  constructor(
    code: string,
    status: number,
    readonly titles: Words,
    readonly details: Words,
    errors?: IssueDetail[],
  ) {
    super(code, status, titles.en, details.en, errors);
  }
}

// The problems the shared libraries raise on the notifier's routes (Fastify's and Nest's by status,
// the JSON body parser, a database that does not answer), by code.
const ITALIAN: Record<string, { title: string; detail: string }> = {
  'bad-request': { title: 'Richiesta non valida', detail: 'La richiesta non è valida.' },
  'not-found': { title: 'Non trovato', detail: 'Nessuna risorsa a questo indirizzo.' },
  'method-not-allowed': { title: 'Metodo non consentito', detail: 'Questo indirizzo non accetta questo metodo.' },
  'body-too-large': { title: 'Richiesta troppo grande', detail: 'Il corpo della richiesta supera il limite.' },
  'uri-too-long': { title: 'URI troppo lungo', detail: 'L’indirizzo della richiesta è troppo lungo.' },
  'unsupported-media-type': {
    title: 'Tipo di contenuto non supportato',
    detail: 'Questo endpoint accetta un corpo application/json.',
  },
  'malformed-json': { title: 'JSON non valido', detail: 'Il corpo non è JSON valido.' },
  'validation-failed': { title: 'Validazione non riuscita', detail: 'Il corpo della richiesta non è valido.' },
  'dependency-unavailable': {
    title: 'Servizio non disponibile',
    detail: 'Il database non risponde in questo momento: riprovare tra qualche secondo.',
  },
};

/** `error` as the problem to answer in Italian; internal errors stay as they are, for their log line. */
function inItalian(error: unknown): unknown {
  if (error instanceof NotifierProblem)
    return new ProblemError(error.code, error.status, error.titles.it, error.details.it, error.errors, error.headers);
  const problem = toProblem(error);
  const words = ITALIAN[problem.code];
  if (!words) return error;
  const original = dependencyFailure(error) ?? error;
  const headers = original instanceof ProblemError ? original.headers : {};
  const extensions = original instanceof ProblemError ? original.extensions : {};
  return new ProblemError(problem.code, problem.status, words.title, words.detail, problem.errors, headers, extensions);
}

/**
 * The ProblemFilter, with the title and detail in the caller's language (Accept-Language: it, en).
 * The issues' messages stay in English: their pointer and keyword say where and what in any language.
 */
@Catch()
export class LocalisedProblemFilter implements ExceptionFilter {
  private readonly problems = new ProblemFilter();

  catch(error: unknown, host: ArgumentsHost): void {
    const language = languageOf(host.switchToHttp().getRequest<HttpRequest>());
    this.problems.catch(language === 'it' ? inItalian(error) : error, host);
  }
}
