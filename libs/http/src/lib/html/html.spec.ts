import { html, table, tableRow } from './html';

describe('html templates', () => {
  it('escapes every interpolated value, so text from Kafka or a form never becomes markup', () => {
    const key = `<script>alert("x")</script>&'`;
    expect(html`<td>${key}</td>`.text).toBe('<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</td>');
  });

  it('keeps markup that is already Html, and drops null, undefined and false', () => {
    const inner = html`<b>${'a<b'}</b>`;
    expect(html`<p>${inner}${null}${undefined}${false}${[html`<i>1</i>`, 2]}</p>`.text).toBe(
      '<p><b>a&lt;b</b><i>1</i>2</p>',
    );
  });

  it('builds a table with its caption and column headers, each row headed by its first cell', () => {
    const text = table({ caption: 'Enti <attivi>', columns: ['Ente', 'Record'], rows: [tableRow('Palermo', 3)] }).text;
    expect(text.replace(/\s+/g, ' ')).toBe(
      '<table> <caption> Enti &lt;attivi&gt; </caption> <thead> <tr> <th scope="col">Ente</th><th scope="col">Record</th> </tr> </thead> <tbody> <tr> <th scope="row">Palermo</th> <td>3</td> </tr> </tbody> </table>',
    );
  });
});
