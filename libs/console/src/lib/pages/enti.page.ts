import { html } from '@interscambio/http';
import type { Html } from '@interscambio/http';
import { fmt } from '../http/format';
import { dataTable, live, liveControls } from '../http/layout';
import type { EnteView } from '../sources/enti.source';

export function entiPage(enti: EnteView[], themes: string[]): Html {
  return html`${liveControls()}
  ${live(
    'enti',
    dataTable({
      caption: 'Per ogni ente: record pubblicati per tema, ultima attività, client API attivi e accordi attivi',
      columns: ['Ente', 'Codice ISTAT', ...themes, 'Ultima attività', 'Client', 'Accordi'],
      // data-* name the cells a test reads, as the browser test does for Palermo's records.
      rows: enti.map(
        (e) =>
          html`<tr data-ente="${e.codiceIstat}">
            <th scope="row">${e.nome}</th>
            <td>${e.codiceIstat}</td>
            ${themes.map((t) => html`<td data-records="${t}">${fmt.number(e.records[t] ?? 0)}</td>`)}
            <td>${fmt.dateTime(e.lastActivity)}</td>
            <td>${fmt.number(e.clients)}</td>
            <td>${fmt.number(e.agreements)}</td>
          </tr>`,
      ),
    }),
  )}`;
}
