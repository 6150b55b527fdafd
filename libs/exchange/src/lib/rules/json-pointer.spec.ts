import { bindWildcards, valueAt, valuesAt } from './json-pointer';

describe('JSON pointers with wildcards', () => {
  const document = { lotti: [{ cig: 'A' }, { nome: 'x' }, { cig: 'C' }], 'a/b': { '~k': 1 } };

  it('reads one value, escapes included, and nothing on a missing path', () => {
    expect(valueAt(document, '/a~1b/~0k')).toBe(1);
    expect(valueAt(document, '/lotti/1/cig')).toBeUndefined();
    expect(valueAt(document, '')).toBe(document);
  });

  it('matches each item of an array with *, keeping the concrete pointer', () => {
    expect(valuesAt(document, '/lotti/*/cig')).toEqual([
      { pointer: '/lotti/0/cig', value: 'A' },
      { pointer: '/lotti/2/cig', value: 'C' },
    ]);
    expect(valuesAt(document, '/a~1b/*')).toEqual([{ pointer: '/a~1b/~0k', value: 1 }]);
    expect(valuesAt('not an object', '/x/*')).toEqual([]);
  });

  it('binds the wildcards of a sibling pattern to what another matched', () => {
    expect(bindWildcards('/fasi/*/fine', { pattern: '/fasi/*/inizio', pointer: '/fasi/2/inizio' })).toBe(
      '/fasi/2/fine',
    );
  });
});
