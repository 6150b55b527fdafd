import type { Operator } from '../auth/operator-authenticator';
import { html, table } from '@interscambio/http';
import type { Html, HtmlValue, TableOptions } from '@interscambio/http';

export const BASE = '/console';

const PAGES = [
  { path: 'panoramica', label: 'Panoramica' },
  { path: 'flussi', label: 'Flussi' },
  { path: 'scartati', label: 'Messaggi scartati' },
  { path: 'enti', label: 'Enti' },
  { path: 'traccia', label: 'Traccia record' },
] as const;

export interface PageContext {
  operator?: Operator;
  csrfToken?: string;
  current?: string;
}

/** The page around every view: skip link, header, navigation, main landmark, footer. */
export function layout(title: string, context: PageContext, body: Html): Html {
  const { operator, csrfToken, current } = context;
  return html`<!doctype html>
    <html lang="it">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · Console operatori · Interscambio</title>
        <link rel="stylesheet" href="${BASE}/assets/bootstrap-italia.min.css" />
        <link rel="stylesheet" href="${BASE}/assets/console.css" />
        <script src="${BASE}/assets/console.js" defer></script>
      </head>
      <body>
        <a class="visually-hidden-focusable skiplink" href="#contenuto">Vai al contenuto principale</a>
        <header class="it-header-wrapper">
          <div class="it-header-slim-wrapper">
            <div class="container">
              <div class="it-header-slim-wrapper-content">
                <span class="d-inline-block navbar-brand">Città Metropolitana di Palermo</span>
                ${
                  operator
                    ? html`<div class="it-header-slim-right-zone">
                        <span class="me-3 text-white">${operator.displayName}</span>
                        <form method="post" action="${BASE}/esci" class="d-inline">
                          <input type="hidden" name="_csrf" value="${csrfToken}" />
                          <button type="submit" class="btn btn-primary btn-sm">Esci</button>
                        </form>
                      </div>`
                    : ''
                }
              </div>
            </div>
          </div>
          <div class="it-header-center-wrapper">
            <div class="container">
              <div class="it-header-center-content-wrapper">
                <div class="it-brand-wrapper">
                  <a href="${BASE}/panoramica">
                    <div class="it-brand-text">
                      <div class="it-brand-title">Interscambio</div>
                      <div class="it-brand-tagline d-none d-md-block">Console degli operatori</div>
                    </div>
                  </a>
                </div>
              </div>
            </div>
          </div>
          ${
            operator
              ? html`<nav class="console-nav" aria-label="Sezioni della console">
                  <div class="container">
                    <ul class="nav">
                      ${PAGES.map(
                        (p) =>
                          html`<li class="nav-item">
                            <a
                              class="nav-link${p.path === current ? ' active' : ''}"
                              href="${BASE}/${p.path}"
                              ${p.path === current ? html` aria-current="page"` : ''}
                              >${p.label}</a
                            >
                          </li>`,
                      )}
                    </ul>
                  </div>
                </nav>`
              : ''
          }
        </header>
        <main id="contenuto" class="container my-4" tabindex="-1">
          <h1 class="h2 mb-4">${title}</h1>
          ${body}
        </main>
        <footer class="it-footer">
          <div class="it-footer-small-prints clearfix">
            <div class="container">
              <p class="mb-0 py-3 text-white">
                Interscambio · piattaforma di scambio dati dei comuni ·
                <a class="text-white" href="${BASE}/panoramica">Console operatori</a>
              </p>
            </div>
          </div>
        </footer>
      </body>
    </html>`;
}

/** A live region: console.js fetches the page again every 5 s and swaps in the new content of each. */
export function live(id: string, body: Html): Html {
  return html`<div id="${id}" data-live>${body}</div>`;
}

export function liveControls(): Html {
  return html`<p class="small text-muted">
    I dati si aggiornano ogni 5 secondi.
    <button type="button" class="btn btn-outline-primary btn-xs ms-2" data-live-toggle aria-pressed="false">
      Sospendi aggiornamenti
    </button>
  </p>`;
}

export function alert(kind: 'success' | 'danger' | 'info', text: string): Html {
  return html`<div class="alert alert-${kind}" role="${kind === 'danger' ? 'alert' : 'status'}">${text}</div>`;
}

/** A data table in Bootstrap Italia's compact style, scrolling sideways on a narrow screen. */
export function dataTable(options: Omit<TableOptions, 'className'>): Html {
  return html`<div class="table-responsive">${table({ ...options, className: 'table table-sm' })}</div>`;
}

export interface TableSection extends Omit<TableOptions, 'className'> {
  heading: string;
  /** The page's first heading: no space above it. */
  first?: boolean;
  /** What stands between the heading and the table (a legend, charts). */
  lead?: Html;
}

/** A heading and the data table under it, as the live pages show them. */
export function tableSection({ heading, first, lead, ...table }: TableSection): Html {
  return html`<h2 class="h4${first ? '' : ' mt-4'}">${heading}</h2>
    ${lead} ${dataTable(table)}`;
}

/** A `<td>` with the `data-*` attributes a browser test reads it by (`{ accepted: true }`, `{ 'end-offset': 42 }`). */
export interface DataCell {
  data: Record<string, string | number | true>;
  content: HtmlValue;
}

/** A row a browser test finds by `data-<name>="<key>"`, headed by the key itself. */
export function namedRow(name: string, key: string, ...cells: (HtmlValue | DataCell)[]): Html {
  return html`<tr data-${name}="${key}">
    <th scope="row">${key}</th>
    ${cells.map((c) => (isDataCell(c) ? html`<td${dataAttributes(c.data)}>${c.content}</td>` : html`<td>${c}</td>`))}
  </tr>`;
}

function isDataCell(cell: HtmlValue | DataCell): cell is DataCell {
  return typeof cell === 'object' && cell !== null && 'data' in cell && 'content' in cell;
}

function dataAttributes(data: DataCell['data']): Html[] {
  return Object.entries(data).map(([name, value]) =>
    value === true ? html` data-${name}` : html` data-${name}="${value}"`,
  );
}
