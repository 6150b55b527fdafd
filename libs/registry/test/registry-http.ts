export interface HttpResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Plain HTTP against a running registry, for tests that look at status codes, headers and problems. */
export class RegistryHttp {
  constructor(readonly url: string) {}

  get<T = Record<string, unknown>>(path: string, options: RequestOptions = {}): Promise<HttpResult<T>> {
    return this.send('GET', path, options);
  }

  post<T = Record<string, unknown>>(path: string, options: RequestOptions = {}): Promise<HttpResult<T>> {
    return this.send('POST', path, options);
  }

  patch<T = Record<string, unknown>>(path: string, options: RequestOptions = {}): Promise<HttpResult<T>> {
    return this.send('PATCH', path, options);
  }

  delete<T = Record<string, unknown>>(path: string, options: RequestOptions = {}): Promise<HttpResult<T>> {
    return this.send('DELETE', path, options);
  }

  /** POST /oauth/token with a form body; `headers` may carry Authorization for client_secret_basic. */
  async tokenRequest<T = Record<string, unknown>>(
    form: Record<string, string> | string,
    headers: Record<string, string> = {},
  ): Promise<HttpResult<T>> {
    const response = await fetch(`${this.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: typeof form === 'string' ? form : new URLSearchParams(form).toString(),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as T };
  }

  private async send<T>(method: string, path: string, options: RequestOptions): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as T };
  }
}

/** HTTP Basic credentials as RFC 6749 §2.3.1 wants them: id and secret form-urlencoded, then base64. */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  const encode = (value: string): string => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64')}`;
}
