import { retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  it('doubles from the base up to the cap, within ±25 % jitter', () => {
    const plain = [1, 2, 3, 4, 10, 60].map((n) => retryDelayMs(n, 5000, 3_600_000, () => 0.5));
    expect(plain).toEqual([5000, 10_000, 20_000, 40_000, 2_560_000, 3_600_000]);
    expect(retryDelayMs(3, 5000, 3_600_000, () => 0)).toBe(15_000);
    expect(retryDelayMs(3, 5000, 3_600_000, () => 1)).toBe(25_000);
  });

  it('with the defaults, keeps retrying for more than 24 hours within a few dozen attempts', () => {
    let total = 0;
    let attempts = 0;
    while (total < 24 * 3600 * 1000) total += retryDelayMs(++attempts, 5000, 3_600_000, () => 0.5);
    expect(attempts).toBeLessThan(40);
  });
});
