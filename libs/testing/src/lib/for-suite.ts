// forSuite registers Jest's hooks, and the bench compiles this library without Jest's global types.
/// <reference types="jest" />
export interface ForSuiteOptions<T> {
  /** How the value is closed after the block's tests; its own `close()` when absent. */
  stop?: (value: T) => unknown;
  /** The `beforeAll` timeout, for a start slower than Jest's default. */
  timeout?: number;
}

/**
 * A value the tests of the enclosing `describe` block share: started in its `beforeAll`, stopped in
 * its `afterAll`, so that a suite opens with one line instead of a `let` and two hooks:
 *
 *     const t = forSuite(() => startTributi('tributi_upload'));
 *
 * The handle stands for the value: reading, setting or calling one of its properties goes to the
 * value. Used before the start (in the body of `describe`, say) or after a start that failed, it
 * throws saying so. A value whose start failed is not stopped, so that the start's error is the one
 * reported. Hooks run in the order they are declared: a `beforeAll` after this line sees the value.
 */
export function forSuite<T extends { close(): unknown }>(start: () => Promise<T>, options?: ForSuiteOptions<T>): T;
export function forSuite<T extends object>(
  start: () => Promise<T>,
  options: ForSuiteOptions<T> & { stop: (value: T) => unknown },
): T;
export function forSuite<T extends object>(start: () => Promise<T>, options: ForSuiteOptions<T> = {}): T {
  const stop = options.stop ?? ((value: T) => (value as unknown as { close(): unknown }).close());
  let state: { value: T } | { error: unknown } | undefined;

  beforeAll(async () => {
    try {
      state = { value: await start() };
    } catch (error) {
      state = { error };
      throw error;
    }
  }, options.timeout);

  afterAll(async () => {
    if (state && 'value' in state) await stop(state.value);
  });

  const value = (): T => {
    if (state === undefined)
      throw new Error('forSuite: the value is used before beforeAll started it; use it in a test or a hook');
    if ('error' in state) {
      const why = state.error instanceof Error ? state.error.message : String(state.error);
      throw new Error(`forSuite: the value did not start (${why})`);
    }
    return state.value;
  };

  return new Proxy({} as T, {
    get(_target, property) {
      // Not a promise until started: `await handle` or a matcher asking for `then` must not throw.
      if (property === 'then' && state === undefined) return undefined;
      const target = value();
      const found: unknown = Reflect.get(target, property, target);
      return typeof found === 'function' ? (found as (...args: unknown[]) => unknown).bind(target) : found;
    },
    set: (_target, property, assigned) => Reflect.set(value(), property, assigned),
    has: (_target, property) => Reflect.has(value(), property),
  });
}
