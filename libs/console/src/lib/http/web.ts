import type { IncomingHttpHeaders } from 'node:http';
import type { Html } from '@interscambio/http';

/** What the console's handlers use of Fastify's request and reply. */
export interface WebRequest {
  headers: IncomingHttpHeaders;
  protocol: string;
  host: string;
  body?: unknown;
  query?: unknown;
}

export interface WebReply {
  status(code: number): WebReply;
  header(name: string, value: string | string[]): WebReply;
  redirect(url: string, code?: number): WebReply;
  send(payload?: unknown): WebReply;
}

// No inline script or style anywhere: the strictest policy the pages can keep.
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
};

export function sendPage(reply: WebReply, page: Html, status = 200): WebReply {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
  return reply.status(status).header('content-type', 'text/html; charset=utf-8').send(page.text);
}

/** The request's cookies; parsed here because the console reads two and sets them with explicit attributes. */
export function cookies(request: WebRequest): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) out.set(part.slice(0, at).trim(), decodeURIComponent(part.slice(at + 1).trim()));
  }
  return out;
}

export function cookie(name: string, value: string, secure: boolean, maxAgeSeconds?: number): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/console',
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
    ...(maxAgeSeconds !== undefined ? [`Max-Age=${maxAgeSeconds}`] : []),
  ].join('; ');
}

/**
 * CSRF, second line (the first is the token in every form): a state-changing request must come from
 * the console's own origin. Browsers send Origin on every form POST; without it, Referer must match.
 */
export function sameOrigin(request: WebRequest): boolean {
  const own = `${request.protocol}://${request.host}`;
  const origin = request.headers.origin;
  if (origin) return origin === own;
  const referer = request.headers.referer;
  return referer !== undefined && (referer === own || referer.startsWith(`${own}/`));
}

/** A form field as one trimmed string (the first, if sent twice). */
export function field(body: unknown, name: string): string | undefined {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : undefined;
}
