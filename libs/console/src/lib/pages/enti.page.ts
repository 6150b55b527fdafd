import { html, tableRow } from '@interscambio/http';
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
      rows: enti.map((e) =>
        tableRow(
          e.nome,
          e.codiceIstat,
          ...themes.map((t) => fmt.number(e.records[t] ?? 0)),
          fmt.dateTime(e.lastActivity),
          fmt.number(e.clients),
          fmt.number(e.agreements),
        ),
      ),
    }),
  )}`;
}
