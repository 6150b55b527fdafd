import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';

/** One request of a load, made by the caller for each send. */
export interface LoadRequest {
  method: 'PUT' | 'POST';
  path: string;
  headers: Record<string, string>;
  body: string;
  /** `<ente>/<key>` of each record the request writes. */
  addresses: string[];
  /** A 2xx answer may still report a failure (a batch's rejected items): its reason, or undefined. */
  problem?: (body: string) => string | undefined;
}

export interface LoadOptions {
  url: string;
  connections: number;
  next: () => LoadRequest;
  /** Requests in all; without it the load runs for `seconds`. */
  amount?: number;
  seconds?: number;
  /**
   * Requests per second. autocannon refills every connection's share at once each second, so the
   * connections are started in `phases` groups spread over a second: `phases` small bursts a second
   * instead of one large one.
   */
  pace?: { rate: number; phases: number };
  /** performance.now() when the request is written. */
  onSend?: (request: LoadRequest, at: number) => void;
  /** Once the request is answered as a success. */
  onAnswer?: (request: LoadRequest) => void;
}

export interface LoadResult {
  /** Requests answered 2xx, and the records they wrote. */
  requests: number;
  records: number;
  /** performance.now() of the start and of the last answer. */
  startedAt: number;
  endedAt: number;
  latenciesMs: number[];
  recordsPerSecond: number;
}

interface Sent {
  request: LoadRequest;
  at: number;
}

// Thrown inside autocannon's socket callbacks, an error would crash the bench instead of failing the load.
function problemOf(request: LoadRequest, body: string): string | undefined {
  try {
    return request.problem?.(body);
  } catch (error) {
    return `unreadable answer (${String(error)})`;
  }
}

// autocannon hands its result over at the first sample after the last answer.
const SAMPLE_MS = 50;
const TIMEOUT_SECONDS = 60;

/**
 * Runs autocannon against `url` with a request made by `next()` for each send. Any answer but a
 * 2xx, a 2xx whose `problem` finds one, a timeout or a connection error fails the whole load.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const phases = options.pace?.phases ?? 1;
  if (options.connections < phases) throw new Error(`${options.connections} connections cannot make ${phases} phases`);
  const latenciesMs: number[] = [];
  const failures = new Map<string, { count: number; example: string }>();
  let requests = 0;
  let records = 0;
  let endedAt = 0;
  const fail = (reason: string, body: string): void => {
    const seen = failures.get(reason);
    if (seen) seen.count++;
    else failures.set(reason, { count: 1, example: body.slice(0, 400) });
  };
  // One request at a time per connection: the context autocannon passes to both calls is that request's own.
  const spec: autocannon.Request = {
    setupRequest: (params, context) => {
      const request = options.next();
      const at = performance.now();
      context['sent'] = { request, at } satisfies Sent;
      options.onSend?.(request, at);
      const headers = { ...params.headers, ...request.headers };
      return { ...params, method: request.method, path: request.path, headers, body: request.body };
    },
    onResponse: (status, body, context) => {
      const at = performance.now();
      const sent = context['sent'] as Sent;
      const problem = status >= 200 && status < 300 ? problemOf(sent.request, body) : `HTTP ${status}`;
      if (problem) return fail(problem, body);
      requests++;
      records += sent.request.addresses.length;
      latenciesMs.push(at - sent.at);
      endedAt = at;
      options.onAnswer?.(sent.request);
    },
  };
  const share = (total: number, i: number): number => Math.floor(total / phases) + (i < total % phases ? 1 : 0);
  const startedAt = performance.now();
  const results = await Promise.all(
    Array.from({ length: phases }, async (_, i) => {
      await sleep((i * 1000) / phases);
      return autocannon({
        url: options.url,
        connections: share(options.connections, i),
        ...(options.amount ? { amount: share(options.amount, i) } : { duration: options.seconds ?? 5 }),
        ...(options.pace ? { overallRate: share(options.pace.rate, i) } : {}),
        timeout: TIMEOUT_SECONDS,
        sampleInt: SAMPLE_MS,
        requests: [spec],
      });
    }),
  );
  const errors = results.reduce((sum, r) => sum + r.errors, 0);
  const timeouts = results.reduce((sum, r) => sum + r.timeouts, 0);
  if (failures.size > 0 || errors > 0 || requests === 0) {
    const reasons = [...failures].map(([reason, f]) => `${f.count} × ${reason} (e.g. ${f.example})`);
    if (errors > 0)
      reasons.push(`${errors} connection errors, ${timeouts} of them timeouts after ${TIMEOUT_SECONDS} s`);
    throw new Error(`${options.url}: ${requests} requests succeeded, and ${reasons.join('; ') || 'none answered'}`);
  }
  return {
    requests,
    records,
    startedAt,
    endedAt,
    latenciesMs,
    recordsPerSecond: records / ((endedAt - startedAt) / 1000),
  };
}
