import { html, trusted } from '@interscambio/http';
import type { Html } from '@interscambio/http';
import { PORTAL_BASE_PATH } from '../config/portal.config';

export const docsPath = (path = ''): string => `${PORTAL_BASE_PATH}${path}`;

const SECTIONS: [string, string][] = [
  ['', 'Inizio'],
  ['/guida', 'Guida introduttiva'],
  ['/api', 'Riferimento API'],
  ['/eventi', 'Eventi (AsyncAPI)'],
  ['/schemi', 'Catalogo degli schemi'],
];

export interface PageOptions {
  title: string;
  /** The section the page belongs to, marked as current in the navigation. */
  section: string;
  head?: Html;
  scripts?: string[];
}

/** Every page: one header with the navigation, one main, one footer; Italian; no inline script or style. */
export function page(options: PageOptions, body: Html): string {
  const nav = SECTIONS.map(
    ([path, label]) =>
      html`<li>
        <a href="${docsPath(path)}" ${options.section === path ? trusted(' aria-current="page"') : ''}>${label}</a>
      </li>`,
  );
  return html`<!doctype html>
    <html lang="it">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} — Interscambio per gli sviluppatori</title>
        <link rel="stylesheet" href="${docsPath('/assets/portal.css')}" />
        <link rel="icon" href="data:," />
        ${options.head ?? ''}
      </head>
      <body>
        <a class="salta" href="#contenuto">Vai al contenuto</a>
        <header class="testata">
          <p class="marchio">
            <a href="${docsPath()}">Interscambio <span>· portale per gli sviluppatori</span></a>
          </p>
          <nav aria-label="Sezioni del portale">
            <ul>
              ${nav}
            </ul>
          </nav>
        </header>
        <main id="contenuto" tabindex="-1">${body}</main>
        <footer class="piede">
          <p>Città Metropolitana di Palermo — piattaforma Interscambio. Licenza del codice: EUPL-1.2.</p>
        </footer>
        ${(options.scripts ?? []).map((src) => html`<script src="${src}"></script>`)}
      </body>
    </html>`.text;
}
