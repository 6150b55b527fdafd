import { filterIssues, matchesFilter } from './record-filter';
import type { RecordFilter } from './record-filter';

describe('record filters', () => {
  const record = { anno: 2024, stato: 'aperta', importo: 120.5, ente: { codice: '082053' }, 'a/b': true };

  it.each<[RecordFilter, boolean]>([
    [{ '/anno': { eq: 2024 } }, true],
    [{ '/anno': { gte: 2025 } }, false],
    [{ '/importo': { gt: 100, lt: 200 } }, true],
    [{ '/stato': { in: ['chiusa', 'sospesa'] } }, false],
    [{ '/ente/codice': { prefix: '082' } }, true],
    [{ '/nota': { exists: false }, '/stato': { ne: 'chiusa' } }, true],
    [{ '/a~1b': { eq: true } }, true],
    // Ordering never compares a string with a number.
    [{ '/stato': { gt: 1 } }, false],
  ])('%j on the record: %s', (filter, expected) => {
    expect(filterIssues(filter, '/filter')).toEqual([]);
    expect(matchesFilter(filter, record)).toBe(expected);
  });

  it('names each problem at its pointer, and treats operators as data, never code', () => {
    const issues = filterIssues(
      { anno: { eq: 1 }, '/x': { constructor: 1 }, '/y': { in: [{}] }, '/z': [], '/w': { eq: 'a', gte: {} } },
      '/filter',
    );
    expect(issues.map((i) => i.pointer)).toEqual([
      '/filter/anno',
      '/filter/~1x/constructor',
      '/filter/~1y/in',
      '/filter/~1z',
      '/filter/~1w/gte',
    ]);
    expect(filterIssues('anno > 3', '/filter')).toEqual([
      { pointer: '/filter', keyword: 'type', message: expect.any(String) },
    ]);
  });

  it('does not read inherited properties of the record', () => {
    expect(matchesFilter({ '/constructor': { exists: true } }, {})).toBe(false);
  });
});
