import { RateLimiter } from './rate-limiter';

function limiter(options: { limit?: number; windowSeconds?: number; maxKeys?: number } = {}) {
  const clock = { now: Date.parse('2026-12-01T10:00:00Z') };
  const rate = new RateLimiter({ limit: 3, windowSeconds: 60, ...options, now: () => clock.now });
  return { rate, clock };
}

describe('RateLimiter', () => {
  it('allows the limit, then refuses with nothing remaining until the window resets', () => {
    const { rate, clock } = limiter();
    expect([1, 2, 3].map(() => rate.take('client:a').remaining)).toEqual([2, 1, 0]);
    clock.now += 20_500;
    expect(rate.take('client:a')).toEqual({ allowed: false, limit: 3, remaining: 0, resetSeconds: 40 });
    expect(rate.take('client:a').remaining).toBe(0);
  });

  it("starts a key's window at its first request and opens a new one when it ends", () => {
    const { rate, clock } = limiter({ limit: 1 });
    clock.now += 7_000;
    rate.take('client:a');
    clock.now += 59_999;
    expect(rate.take('client:a')).toMatchObject({ allowed: false, resetSeconds: 1 });
    clock.now += 1;
    expect(rate.take('client:a')).toEqual({ allowed: true, limit: 1, remaining: 0, resetSeconds: 60 });
  });

  it('counts each key on its own', () => {
    const { rate } = limiter({ limit: 1 });
    expect(rate.take('client:a').allowed).toBe(true);
    expect(rate.take('client:b').allowed).toBe(true);
    expect(rate.take('client:a').allowed).toBe(false);
  });

  it("applies a per-call limit, the client's own from its token", () => {
    const { rate } = limiter({ limit: 3 });
    const decisions = Array.from({ length: 6 }, () => rate.take('client:big', 5));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, false]);
    expect(decisions[5]).toMatchObject({ limit: 5, remaining: 0 });
  });

  it('holds at most maxKeys windows, forgetting the oldest open one first', () => {
    const { rate } = limiter({ limit: 1, maxKeys: 2 });
    for (const key of ['a', 'b', 'c']) rate.take(key);
    expect(rate.take('c').allowed).toBe(false);
    expect(rate.take('a').allowed).toBe(true);
  });

  it('refuses a configuration without a positive limit and window', () => {
    expect(() => new RateLimiter({ limit: 0, windowSeconds: 60 })).toThrow(/positive limit and window, not 0 per 60 s/);
  });
});
