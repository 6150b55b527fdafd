import { html, fmt } from '../http/html';
import type { Html } from '../http/html';
import { live, liveControls } from '../http/layout';
import type { EnteView } from '../sources/enti.source';

export function entiPage(enti: EnteView[], themes: string[]): Html {
  return html`${liveControls()}
  ${live(
    'enti',
    html`<div class="table-responsive">
      <table class="table table-sm">
        <caption>
          Per ogni ente: record pubblicati per tema, ultima attività, client API attivi e accordi attivi
        </caption>
        <thead>
          <tr>
            <th scope="col">Ente</th>
            <th scope="col">Codice ISTAT</th>
            ${themes.map((t) => html`<th scope="col">${t}</th>`)}
            <th scope="col">Ultima attività</th>
            <th scope="col">Client</th>
            <th scope="col">Accordi</th>
          </tr>
        </thead>
        <tbody>
          ${enti.map(
            (e) =>
              html`<tr data-ente="${e.codiceIstat}">
                <th scope="row">${e.nome}</th>
                <td>${e.codiceIstat}</td>
                ${themes.map((t) => html`<td data-records="${t}">${fmt.number(e.records[t] ?? 0)}</td>`)}
                <td>${fmt.dateTime(e.lastActivity)}</td>
                <td>${fmt.number(e.clients)}</td>
                <td>${fmt.number(e.agreements)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`,
  )}`;
}
