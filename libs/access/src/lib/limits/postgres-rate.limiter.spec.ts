import { PostgresRateLimiter } from './postgres-rate.limiter';

describe('the shared rate limiter while PostgreSQL does not answer', () => {
  it('counts in the replica’s memory instead, says so once, and keeps the limit there', async () => {
    const logged: string[] = [];
    const down = {
      query: () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    };
    const limiter = new PostgresRateLimiter({
      sql: down,
      schema: 's',
      limit: 2,
      windowSeconds: 60,
      log: (m) => logged.push(m),
    });
    const decisions = [];
    for (let i = 0; i < 3; i++) decisions.push((await limiter.take('client:a')).allowed);
    expect(decisions).toEqual([true, true, false]);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/counted per replica/);
  });
});

describe('the shared rate limiter under concurrent requests of one client', () => {
  it('counts takes that arrive while an upsert runs in one more upsert, each with the count it would have had alone', async () => {
    let used = 0;
    const increments: number[] = [];
    // Stands in for the upsert: adds its third parameter to the key's count, answering a tick later.
    const sql = {
      query: async (_text: unknown, values?: unknown[]) => {
        // The cleanup of expired windows, once a minute.
        if (values?.length !== 3) return { rows: [], rowCount: 0 };
        const n = (values as [string, number, number])[2];
        increments.push(n);
        await new Promise((resolve) => setImmediate(resolve));
        used += n;
        return { rows: [{ used, reset: 60 }], rowCount: 1 };
      },
    };
    const limiter = new PostgresRateLimiter({ sql, schema: 's', limit: 3, windowSeconds: 60, log: () => undefined });
    const decisions = await Promise.all(Array.from({ length: 5 }, () => limiter.take('client:a')));
    expect(decisions.map((d) => [d.allowed, d.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
      [false, 0],
    ]);
    expect(increments).toEqual([1, 4]);
    expect((await limiter.take('client:a')).allowed).toBe(false);
    expect(increments).toEqual([1, 4, 1]);
  });
});
