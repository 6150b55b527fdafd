import { html, tableRow } from '@interscambio/http';
import type { Html } from '@interscambio/http';
import { fmt } from '../http/format';
import { dataTable, live, liveControls } from '../http/layout';
import type { GroupView, TopicView } from '../sources/flows.source';

export function flussiPage(
  topics: TopicView[],
  groups: GroupView[],
  outboxes: { service: string; pending: number; oldestSeconds: number | null }[],
): Html {
  return html`${liveControls()}
  ${live(
    'flussi',
    html`<h2 class="h4">Outbox per servizio</h2>
      ${dataTable({
        caption: 'Eventi scritti e non ancora pubblicati su Kafka',
        columns: ['Servizio', 'In attesa', 'Il più vecchio (secondi)'],
        rows: outboxes.map((o) => tableRow(o.service, fmt.number(o.pending), fmt.number(o.oldestSeconds))),
      })}
      <h2 class="h4 mt-4">Gruppi di consumatori</h2>
      ${dataTable({
        caption: 'Messaggi non ancora elaborati da ogni gruppo, per topic (lag)',
        columns: ['Gruppo', 'Servizio', 'Topic', 'Lag'],
        rows: groups.flatMap((g) => g.lag.map((l) => tableRow(g.group, g.service, l.topic, fmt.number(l.messages)))),
      })}
      <h2 class="h4 mt-4">Topic</h2>
      ${dataTable({
        caption: 'Topic, partizioni e offset (primo conservato e finale)',
        columns: ['Topic', 'Partizione', 'Primo offset', 'Offset finale'],
        rows: topics.flatMap((t) =>
          t.partitions.map((p) => tableRow(t.topic, p.partition, fmt.number(p.low), fmt.number(p.high))),
        ),
      })}`,
  )}`;
}
