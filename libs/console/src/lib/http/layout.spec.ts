import { namedRow, tableSection } from './layout';

describe('the live pages’ tables', () => {
  it('marks a row by its key, heads it with the key and marks the cells a test reads', () => {
    const row = namedRow('topic', 't<1>', 0, { data: { 'end-offset': 42, accepted: true }, content: '42' }).text;
    expect(row.replace(/>\s+</g, '><')).toBe(
      '<tr data-topic="t&lt;1&gt;"><th scope="row">t&lt;1&gt;</th><td>0</td><td data-end-offset="42" data-accepted>42</td></tr>',
    );
  });

  it('spaces every section from the one above but the page’s first', () => {
    const section = (first: boolean) =>
      tableSection({ first, heading: 'Topic', caption: 'c', columns: ['a'], rows: [] }).text;
    expect(section(true)).toContain('<h2 class="h4">Topic</h2>');
    expect(section(false)).toContain('<h2 class="h4 mt-4">Topic</h2>');
  });
});
