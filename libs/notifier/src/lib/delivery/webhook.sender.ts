import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { LookupFunction } from 'node:net';
import { resolveCallbackHost } from '../subscriptions/callback-url';

export interface PostOutcome {
  ok: boolean;
  status?: number;
  /** Why it failed, in words the subscription's owner can act on (never the response body). */
  reason?: string;
}

/**
 * POSTs one webhook. The host is resolved, and its addresses checked, inside the connection itself
 * (the `lookup` hook): the address checked is the address connected to, so a DNS answer that
 * changed since the subscription was saved (rebinding) cannot reach a private address.
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { sandbox: boolean; timeoutMs: number },
): Promise<PostOutcome> {
  const target = new URL(url);
  // Node connects to an address literal without calling `lookup`: check it here.
  if (isIP(target.hostname.replace(/^\[|\]$/g, ''))) {
    const literal = await resolveCallbackHost(target.hostname, options.sandbox);
    if ('refused' in literal) return { ok: false, reason: literal.refused };
  }
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    void resolveCallbackHost(hostname, options.sandbox).then((resolved) => {
      if ('refused' in resolved)
        return callback(Object.assign(new Error(resolved.refused), { code: 'EREFUSED' }), '', 0);
      const addresses = resolved.addresses;
      if (lookupOptions.all) return (callback as unknown as (e: null, all: typeof addresses) => void)(null, addresses);
      return callback(null, addresses[0]?.address ?? '', addresses[0]?.family ?? 4);
    });
  };
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        lookup,
        timeout: options.timeoutMs,
        headers: {
          ...headers,
          'content-type': 'application/cloudevents+json; charset=utf-8',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Interscambio-Notifier/1',
        },
      },
      (response) => {
        // The body is not read for meaning, only drained so the socket can be reused.
        response.resume();
        const status = response.statusCode ?? 0;
        response.on('end', () =>
          resolve(
            status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, reason: `answered ${status}` },
          ),
        );
        response.on('error', () => resolve({ ok: false, status, reason: 'the answer was cut off' }));
      },
    );
    // A whole-exchange deadline, not only an idle one: an answer that trickles forever must not keep
    // the delivery in flight past its lease (another claim would then send it a second time).
    const deadline = setTimeout(
      () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    request.on('close', () => clearTimeout(deadline));
    request.on('timeout', () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve({
        ok: false,
        reason: error.code === 'EREFUSED' ? error.message : `${error.code ?? 'error'}: ${error.message}`,
      }),
    );
    request.end(body);
  });
}
