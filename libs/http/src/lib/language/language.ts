import Negotiator from 'negotiator';
import type { HttpRequest } from '../http.types';

export type Language = 'it' | 'en';

/** A sentence a caller reads: one string when it needs no translation (a code, a name), else both. */
export type Text = string | Readonly<Record<Language, string>>;

// English first in the offer: a caller that names neither language, or none at all, keeps the answers
// integrators' tools have always had; `Accept-Language: it` (or it-IT, with q-values) gets Italian.
const OFFERED: Language[] = ['en', 'it'];

/** The caller's language among ours, by RFC 9110 §12.5.4 negotiation (q-values, `it-IT` → it). */
export function requestLanguage(request: Pick<HttpRequest, 'headers'>, fallback: Language = 'en'): Language {
  const header = request.headers['accept-language'];
  if (header === undefined || header === '') return fallback;
  const chosen = new Negotiator({ headers: { 'accept-language': String(header) } }).language(OFFERED);
  return chosen === 'it' || chosen === 'en' ? chosen : fallback;
}

export function textIn(text: Text, language: Language): string {
  return typeof text === 'string' ? text : text[language];
}
