import type { KeyObject } from 'node:crypto';
import { importPublicJwk } from './jwk';
import { messageOf } from './jwt.text';

const JSON_MEDIA_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;
const MAX_JWKS_CHARACTERS = 1 << 20;

/** The signature keys of a JWKS by kid. Entries without a kid or that cannot be imported are skipped. */
export async function fetchJwks(url: string, timeoutMs: number): Promise<Map<string, KeyObject>> {
  const response = await fetch(url, {
    signal: AbortSignal.timeout(timeoutMs),
    headers: { accept: 'application/jwk-set+json, application/json' },
  });
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  if (!JSON_MEDIA_TYPE.test(type)) throw new Error(`the answer is ${type ? `of type ${type}` : 'untyped'}, not JSON`);
  const text = await response.text();
  if (text.length > MAX_JWKS_CHARACTERS) throw new Error('the answer is larger than 1 MiB');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error('the answer is not JSON');
  }
  const entries = typeof body === 'object' && body !== null ? (body as { keys?: unknown }).keys : undefined;
  if (!Array.isArray(entries)) throw new Error('the answer has no "keys" array');
  const keys = new Map<string, KeyObject>();
  for (const entry of entries as unknown[]) {
    const kid = (entry as { kid?: unknown } | null)?.kid;
    if (typeof kid !== 'string' || keys.has(kid)) continue;
    const key = importOrSkip(entry);
    if (key) keys.set(kid, key);
  }
  return keys;
}

// One key we cannot use (a new algorithm, an encryption key) must not hide the others.
function importOrSkip(entry: unknown): KeyObject | undefined {
  try {
    return importPublicJwk(entry);
  } catch {
    return undefined;
  }
}

export function failureReason(error: unknown, timeoutMs: number): string {
  const { name, cause } = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    cause?: unknown;
  };
  if (name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  // fetch wraps the network error ("fetch failed"); its cause says what happened (ECONNREFUSED…).
  return messageOf(cause ?? error);
}
