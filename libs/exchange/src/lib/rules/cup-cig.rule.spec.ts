import { cigRule, cupRule } from './cup-cig.rule';

describe('CUP and CIG rules', () => {
  it('reports every bad code at its pointer, lots of an array included, and skips absent fields', () => {
    const document = { cup: 'J81B2000000000X', lotti: [{ cig: '95156957EC' }, { cig: '95156957ED' }, {}] };
    expect(cupRule('opera-pubblica', ['/cup']).check(document)).toEqual([
      { pointer: '/cup', keyword: 'cup', message: expect.any(String), it: expect.any(String) },
    ]);
    expect(cigRule('opera-pubblica', ['/lotti/*/cig', '/cig']).check(document)).toEqual([
      { pointer: '/lotti/1/cig', keyword: 'cig', message: expect.any(String), it: expect.any(String) },
    ]);
  });
});
