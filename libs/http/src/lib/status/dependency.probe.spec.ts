import { probe } from './dependency.probe';

describe('a dependency probe', () => {
  it('reports up when the check resolves', async () => {
    expect(await probe(() => Promise.resolve('pong'))).toEqual({ status: 'up' });
  });

  it('reports down with the error when the check fails', async () => {
    expect(await probe(() => Promise.reject(new Error('connect ECONNREFUSED')))).toEqual({
      status: 'down',
      error: 'connect ECONNREFUSED',
    });
  });

  it('reports down when the check never answers, instead of hanging the status page', async () => {
    expect(await probe(() => new Promise(() => undefined), 20)).toEqual({
      status: 'down',
      error: 'no answer within 20 ms',
    });
  });
});
