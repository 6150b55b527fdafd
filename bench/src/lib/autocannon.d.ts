// autocannon ships no types, and @types/autocannon describes 7.x: only what http-load.ts uses, as 9.0 does it.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
    interface RequestParams {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
    }

    /** One per connection, fresh for each request while a connection sends one request at a time. */
    type Context = Record<string, unknown>;

    interface Request extends RequestParams {
      /** Called right before the request is written; a falsy return restarts the request list. */
      setupRequest?: (request: RequestParams, context: Context) => RequestParams | undefined;
      onResponse?: (status: number, body: string, context: Context, headers: Record<string, string>) => void;
    }

    interface Options {
      url: string;
      connections?: number;
      /** Seconds; ignored when `amount` is set. */
      duration?: number;
      /** Requests in all, spread over the connections. */
      amount?: number;
      /** Requests per second of all connections together, each connection taking its share per second. */
      overallRate?: number;
      /** Seconds before a request counts as timed out. */
      timeout?: number;
      /** Milliseconds between samples; the result is handed over at the first sample after the end. */
      sampleInt?: number;
      requests?: Request[];
    }

    interface Result {
      errors: number;
      timeouts: number;
      non2xx: number;
      statusCodeStats: Record<string, { count: number }>;
    }

    type Instance = EventEmitter & PromiseLike<Result>;
  }

  function autocannon(options: autocannon.Options): autocannon.Instance;
  export = autocannon;
}
