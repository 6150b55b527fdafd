import { nestedDeeperThan } from './json-depth';

describe('JSON nesting depth', () => {
  it('counts arrays and objects as levels, scalars as none', () => {
    expect(nestedDeeperThan({ a: [1, { b: 'x' }] }, 3)).toBe(false);
    expect(nestedDeeperThan({ a: [1, { b: 'x' }] }, 2)).toBe(true);
    expect(nestedDeeperThan('testo', 0)).toBe(false);
  });

  it('measures a document far deeper than the call stack allows without overflowing', () => {
    const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`) as unknown;
    expect(nestedDeeperThan(deep, 64)).toBe(true);
  });
});
