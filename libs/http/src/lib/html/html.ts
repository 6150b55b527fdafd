// Server-rendered pages from tagged templates: every interpolated value is escaped unless it is
// Html already, so a record key or an error text from Kafka can never become markup.
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  return new Html(
    strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i] as HtmlValue) : ''), ''),
  );
}

/** Markup we produced ourselves (rendered Markdown of our own guide, for instance). */
export const trusted = (markup: string): Html => new Html(markup);

export interface TableOptions {
  /** What the table holds, said to screen readers and shown above it. */
  caption: HtmlValue;
  /** The column headers, in Italian. */
  columns: readonly string[];
  /** One `<tr>` each: `tableRow` for plain ones. */
  rows: readonly Html[];
  className?: string;
}

/** A data table with its caption and column headers, as every console and portal page shows them. */
export function table({ caption, columns, rows, className }: TableOptions): Html {
  return html`<table${className ? html` class="${className}"` : ''}>
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        ${columns.map((c) => html`<th scope="col">${c}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

/** A row headed by its first cell, the others plain. */
export function tableRow(header: HtmlValue, ...cells: HtmlValue[]): Html {
  return html`<tr>
    <th scope="row">${header}</th>
    ${cells.map((c) => html`<td>${c}</td>`)}
  </tr>`;
}
