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
