import { isIstatCode } from '@interscambio/enti';
import type { Caller } from '@interscambio/access';
import type { HttpRequest } from '@interscambio/http';
import { requestTraceparent } from '@interscambio/observability';
import { BadRequestError } from '@interscambio/http';
import type { ExpectedRevision, RequestTrace } from './record.types';

const KEY = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,199}$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** `<ente>` is the 6-digit ISTAT code of a comune (or of the Città Metropolitana). */
export function checkEnte(ente: string): void {
  if (!isIstatCode(ente))
    throw new BadRequestError('invalid-ente', {
      it: `"${ente}" non è un codice ISTAT di 6 cifre.`,
      en: `"${ente}" is not a 6-digit ISTAT code.`,
    });
}

export function checkKey(key: string): void {
  if (!KEY.test(key))
    throw new BadRequestError('invalid-key', {
      it: 'La chiave di un record è di 1–200 lettere, cifre, ".", "_", "~" o "-", e inizia con una lettera o una cifra.',
      en: 'A record key is 1–200 letters, digits, ".", "_", "~" or "-", starting with a letter or digit.',
    });
}

export function isKey(key: unknown): key is string {
  return typeof key === 'string' && KEY.test(key);
}

export function traceOf(request: HttpRequest, caller: Caller): RequestTrace {
  return {
    correlationId: String(request.id),
    traceparent: requestTraceparent(request),
    actor: { clientId: caller.clientId, ente: caller.ente },
  };
}

/** If-Match: `*`, or one strong or weak ETag; anything else can never match (412), as RFC 9110 says. */
export function expectedRevisionOf(request: HttpRequest): ExpectedRevision | undefined {
  const value = request.headers['if-match']?.trim();
  if (value === undefined) return undefined;
  if (value === '*') return '*';
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(value);
  return match ? Number(match[1]) : -1;
}

export function idempotencyKeyOf(request: HttpRequest): string | undefined {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !IDEMPOTENCY_KEY.test(value))
    throw new BadRequestError('invalid-idempotency-key', {
      it: 'Idempotency-Key deve essere di 1–255 caratteri ASCII visibili.',
      en: 'Idempotency-Key must be 1–255 visible ASCII characters.',
    });
  return value;
}
