import { forSuite } from './for-suite';

class Resource {
  closed = 0;
  label = 'prima';
  #secret = 'interno';

  constructor(readonly name: string) {}

  greet(who: string): string {
    return `${this.name} saluta ${who} (${this.#secret})`;
  }

  close(): Promise<void> {
    this.closed += 1;
    return Promise.resolve();
  }
}

type Hook = () => unknown;

/** Calls `declare` with Jest's beforeAll/afterAll replaced by recorders, and returns the hooks it declared. */
function hooksOf<T>(declare: () => T): { handle: T; before: Hook[]; after: Hook[]; timeouts: unknown[] } {
  const globals = globalThis as unknown as Record<'beforeAll' | 'afterAll', unknown>;
  const saved = { beforeAll: globals.beforeAll, afterAll: globals.afterAll };
  const before: Hook[] = [];
  const after: Hook[] = [];
  const timeouts: unknown[] = [];
  globals.beforeAll = (hook: Hook, timeout?: number) => {
    before.push(hook);
    timeouts.push(timeout);
  };
  globals.afterAll = (hook: Hook) => after.push(hook);
  try {
    return { handle: declare(), before, after, timeouts };
  } finally {
    Object.assign(globals, saved);
  }
}

describe('forSuite, in a real describe block', () => {
  const started: Resource[] = [];

  describe('a suite that shares one value', () => {
    const r = forSuite(async () => {
      const resource = new Resource('registro');
      started.push(resource);
      return resource;
    });

    it('reads, calls and sets what the value has, private fields included', () => {
      expect(r.name).toBe('registro');
      expect(r.greet('tributi')).toBe('registro saluta tributi (interno)');
      r.label = 'dopo';
      expect(started[0]?.label).toBe('dopo');
      expect('greet' in r).toBe(true);
    });

    it('gives every test of the block the same value', () => {
      expect(started).toHaveLength(1);
      expect(r.label).toBe('dopo');
    });
  });

  it('closed the value once, after the tests of its block', () => {
    expect(started.map((s) => s.closed)).toEqual([1]);
  });
});

describe('forSuite, hook by hook', () => {
  it('throws a clear error when the value is used before beforeAll started it', () => {
    const { handle } = hooksOf(() => forSuite(async () => new Resource('presto')));
    expect(() => handle.name).toThrow('forSuite: the value is used before beforeAll started it');
    expect(() => handle.greet('x')).toThrow(/before beforeAll/);
  });

  it('is no promise before it starts, so awaiting the handle does not throw', async () => {
    const { handle } = hooksOf(() => forSuite(async () => new Resource('attesa')));
    await expect(Promise.resolve(handle)).resolves.toBe(handle);
  });

  it('stops the value with the stop it is given, and passes on the timeout of beforeAll', async () => {
    const stopped: string[] = [];
    const { handle, before, after, timeouts } = hooksOf(() =>
      forSuite(async () => ({ name: 'emittente' }), { stop: (v) => stopped.push(v.name), timeout: 120_000 }),
    );
    expect(timeouts).toEqual([120_000]);
    await before[0]?.();
    expect(handle.name).toBe('emittente');
    await after[0]?.();
    expect(stopped).toEqual(['emittente']);
  });

  it('after a failed start, rethrows its error, names it on use and stops nothing', async () => {
    const stop = jest.fn();
    const { handle, before, after } = hooksOf(() =>
      forSuite<Resource>(() => Promise.reject(new Error('PostgreSQL non risponde')), { stop }),
    );
    await expect(before[0]?.()).rejects.toThrow('PostgreSQL non risponde');
    expect(() => handle.name).toThrow('forSuite: the value did not start (PostgreSQL non risponde)');
    await after[0]?.();
    expect(stop).not.toHaveBeenCalled();
  });
});
