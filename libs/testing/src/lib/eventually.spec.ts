import { eventually } from './eventually';

describe('eventually', () => {
  it('resolves with the first value that is there, 0 included', async () => {
    const values = [undefined, false, null, 0];
    await expect(eventually(() => values.shift(), { intervalMs: 1 })).resolves.toBe(0);
  });

  it('tries again after a check that throws', async () => {
    let calls = 0;
    const check = (): boolean => {
      calls += 1;
      if (calls < 3) throw new Error('not up yet');
      return true;
    };
    await expect(eventually(check, { intervalMs: 1 })).resolves.toBe(true);
  });

  it('fails past its bound, naming what it waited for and the last error', async () => {
    const check = (): boolean => {
      throw new Error('connection refused');
    };
    await expect(eventually(check, { timeoutMs: 20, intervalMs: 5, what: 'the service' })).rejects.toThrow(
      'gave up waiting for the service after 0.02 s (last error: connection refused)',
    );
  });
});
