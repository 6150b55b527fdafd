import { unstorableText } from './unstorable-text';

const check = (document: unknown) => unstorableText(document, JSON.stringify(document));

describe('unstorableText', () => {
  it('names each string holding a NUL or a lone surrogate by its JSON pointer', () => {
    const document = { a: 'ok', b: { 'c/d': 'x\u0000y' }, e: ['fine', '\ud800'], f: 'emoji 😀 is a pair' };
    expect(check(document)).toEqual([
      { pointer: '/b/c~1d', keyword: 'text', message: expect.stringContaining('NUL') },
      { pointer: '/e/1', keyword: 'text', message: expect.stringContaining('lone surrogate') },
    ]);
  });

  it('refuses a property name with a NUL', () => {
    expect(check({ 'a\u0000': 1 })).toEqual([expect.objectContaining({ pointer: '', keyword: 'text' })]);
  });

  it('finds nothing in ordinary text, accents, escaped backslashes and surrogate pairs', () => {
    expect(check({ nome: 'Niccolò', path: 'C:\\u0000\\dir', emoji: '😀' })).toEqual([]);
  });
});
