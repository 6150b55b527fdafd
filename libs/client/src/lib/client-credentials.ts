import type { Middleware } from 'openapi-fetch';
import { registryClient } from './service-clients';

export interface ClientCredentials {
  /** The platform's base URL (the gateway), where `/registry/v1/oauth/token` answers. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** The services the token is for, e.g. `tributi` or `tributi notifier`. */
  audience: string;
  scope?: string;
  fetch?: typeof globalThis.fetch;
}

/** Thrown when the registry refuses the credentials: its problem+json `code` and sentence. */
export class TokenRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    detail: string,
  ) {
    super(`token request refused (${status}${code ? ` ${code}` : ''}): ${detail}`);
    this.name = 'TokenRequestError';
  }
}

/** One client-credentials token from the registry (RFC 6749 §4.4, secret by HTTP Basic). */
export async function requestToken(credentials: ClientCredentials): Promise<{ token: string; expiresIn: number }> {
  const registry = registryClient({ baseUrl: credentials.baseUrl, fetch: credentials.fetch });
  const basic = Buffer.from(
    `${encodeURIComponent(credentials.clientId)}:${encodeURIComponent(credentials.clientSecret)}`,
  );
  const { data, error, response } = await registry.POST('/oauth/token', {
    body: {
      grant_type: 'client_credentials',
      audience: credentials.audience,
      ...(credentials.scope ? { scope: credentials.scope } : {}),
    },
    headers: {
      authorization: `Basic ${basic.toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    bodySerializer: (body) => new URLSearchParams(body as Record<string, string>),
  });
  if (!data) {
    const problem = (error ?? {}) as { code?: string; detail?: string; title?: string };
    throw new TokenRequestError(response.status, problem.code, problem.detail ?? problem.title ?? response.statusText);
  }
  return { token: data.access_token, expiresIn: data.expires_in };
}

// Renewed this long before it expires, so a request never leaves with a token about to lapse.
const RENEW_BEFORE_MS = 30_000;

/**
 * A middleware that asks the registry for a token on first use and again shortly before it expires,
 * and sends it as `Authorization: Bearer` on every request of the client it is given to.
 */
export function clientCredentials(credentials: ClientCredentials): Middleware {
  let current: { token: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;
  const token = async (): Promise<string> => {
    if (current && Date.now() < current.renewAt) return current.token;
    pending ??= requestToken(credentials)
      .then(({ token: value, expiresIn }) => {
        current = { token: value, renewAt: Date.now() + Math.max(expiresIn * 1000 - RENEW_BEFORE_MS, 0) };
        return value;
      })
      .finally(() => (pending = undefined));
    return pending;
  };
  return {
    async onRequest({ request }) {
      request.headers.set('authorization', `Bearer ${await token()}`);
      return request;
    },
  };
}

/** Sends a token obtained elsewhere (an operator's, a test's) on every request. */
export function bearerToken(token: string): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  };
}
