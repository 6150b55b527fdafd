import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import { answerFaults } from './answer-check';
import type { HttpAnswerSeen } from './answer-check';
import type { FuzzSettings } from './fuzz-settings';
import { hostileRequests } from './hostile-requests';
import type { HostileRequest, HostileRequestOptions } from './hostile-requests';
import type { ApiOperation } from './openapi-operations';
import { operationName } from './openapi-operations';
import { isFinal, rawExchange, rawRequests } from './raw-http';

/** The service under test, as a hostile-input run needs it. */
export interface HostileTarget<S> {
  /** Sends the request as the service receives it (in-process), its credentials turned into a header. */
  send(request: HostileRequest): Promise<HttpAnswerSeen>;
  /** What a refused request must leave as it was (row counts, a digest of tables). */
  stored(): Promise<S>;
  /** Faults of an accepted request beyond its answer (a batch storing other than it reports). */
  accepted?(request: HostileRequest, answer: HttpAnswerSeen, before: S, after: S): string[];
  /** Throws unless the service is ready and a valid write still succeeds. */
  healthy(): Promise<void>;
}

const HEALTH_EVERY = 250;

/**
 * Runs hostile requests against a target and holds each answer to the same rules: never a 5xx,
 * every 4xx problem+json with status, code and title, nothing stored by a refused request, and
 * the service healthy every HEALTH_EVERY cases. Counts the statuses it saw, for the summary.
 */
export class HostileRun<S> {
  readonly statuses = new Map<number, number>();
  cases = 0;

  constructor(private readonly target: HostileTarget<S>) {}

  async check(request: HostileRequest): Promise<void> {
    const before = await this.target.stored();
    const answer = await this.target.send(request);
    this.statuses.set(answer.status, (this.statuses.get(answer.status) ?? 0) + 1);
    const faults = answerFaults(answer, request.method);
    const after = await this.target.stored();
    if (answer.status >= 400 && JSON.stringify(after) !== JSON.stringify(before))
      faults.push(`refused with ${answer.status} yet stored: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
    if (answer.status < 300) faults.push(...(this.target.accepted?.(request, answer, before, after) ?? []));
    if (++this.cases % HEALTH_EVERY === 0) await this.target.healthy();
    if (faults.length > 0) throw new Error(faults.join('; '));
  }

  /** `settings.numRuns` cases shared among the operations, each operation a property of its own (its name in the report). */
  async everyOperation(
    operations: ApiOperation[],
    options: HostileRequestOptions,
    settings: FuzzSettings,
  ): Promise<void> {
    const numRuns = Math.ceil(settings.numRuns / operations.length);
    for (const [index, operation] of operations.entries()) {
      const property = fc.asyncProperty(hostileRequests(operation, options), (request) => this.check(request));
      await fc.assert(property, { seed: settings.seed + index, numRuns }).catch((error: Error) => {
        throw new Error(`${operationName(operation)}: ${error.message}`, { cause: error.cause });
      });
    }
  }

  /** Raw requests to `paths` on the listening `port`; `lines` are header lines worth carrying (a valid Authorization). */
  async raw(port: number, paths: readonly string[], lines: readonly string[], settings: FuzzSettings): Promise<void> {
    const property = fc.asyncProperty(rawRequests(paths, lines), async (bytes) => {
      const before = await this.target.stored();
      const exchange = await rawExchange(port, bytes);
      const method = bytes.toString('latin1').startsWith('HEAD ') ? 'HEAD' : 'GET';
      const faults = exchange.answers.flatMap((a) => answerFaults(a, method));
      const final = exchange.answers.filter(isFinal);
      if (final.length === 0)
        faults.push(`no final answer${exchange.rest ? ` but ${JSON.stringify(exchange.rest.slice(0, 200))}` : ''}`);
      const refused = final.every((a) => a.status >= 400);
      if (refused && JSON.stringify(await this.target.stored()) !== JSON.stringify(before))
        faults.push('refused yet stored something');
      if (faults.length > 0) throw new Error(faults.join('; '));
    });
    await fc.assert(property, { seed: settings.seed, numRuns: settings.numRuns });
  }

  /** `tributi: 1040 hostile requests answered 200×471 201×10 …`: what the run reached. */
  summary(name: string): string {
    const counts = [...this.statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
    return `${name}: ${this.cases} hostile requests answered ${counts.join(' ')}\n`;
  }
}

/**
 * The `send` of a HostileTarget for a service in this process (`app`, once started): the request
 * through Fastify's inject, its credentials turned into the Authorization header `authorize` gives for their kind.
 */
export function injectInto(
  app: () => NestFastifyApplication,
  authorize: (kind: string) => string | undefined | Promise<string | undefined>,
): HostileTarget<unknown>['send'] {
  return async (request) => {
    const credentials = request.credentials;
    const header = credentials && ('kind' in credentials ? await authorize(credentials.kind) : credentials.header);
    const res = await app().inject({
      method: request.method as 'GET',
      url: request.url,
      headers: { ...request.headers, ...(header === undefined ? {} : { authorization: header }) },
      ...(request.body === undefined ? {} : { payload: request.body }),
    });
    return { status: res.statusCode, headers: res.headers, body: res.body };
  };
}
