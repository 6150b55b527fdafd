import { format } from 'node:util';

type Write = typeof process.stdout.write;
type ConsoleMethod = (...args: unknown[]) => void;
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/**
 * Everything the process writes while it runs — stdout, stderr and the console (which Jest routes
 * around the streams) — kept as text instead of printed: for tests that look at what a service logs.
 */
export class OutputCapture {
  private readonly chunks: string[] = [];
  private readonly restores: (() => void)[] = [];

  static start(): OutputCapture {
    const capture = new OutputCapture();
    for (const stream of [process.stdout, process.stderr]) capture.intercept(stream);
    // Replaced, not called: the console as a table of methods.
    const methods = console as unknown as Record<string, ConsoleMethod>;
    for (const method of CONSOLE_METHODS) {
      const original = methods[method] as ConsoleMethod;
      methods[method] = (...args: unknown[]): void => void capture.chunks.push(`${format(...args)}\n`);
      capture.restores.push(() => (methods[method] = original));
    }
    return capture;
  }

  /** What was written so far. */
  get text(): string {
    return this.chunks.join('');
  }

  /** Puts the streams and the console back; returns what was written. */
  stop(): string {
    for (const restore of this.restores.splice(0).reverse()) restore();
    return this.text;
  }

  private intercept(stream: NodeJS.WriteStream): void {
    const original = stream.write;
    const write = (chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
      this.chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') process.nextTick(done as () => void);
      return true;
    };
    stream.write = write as Write;
    this.restores.push(() => (stream.write = original));
  }
}
