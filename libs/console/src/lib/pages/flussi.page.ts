import { html } from '@interscambio/http';
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
        // data-* name the rows and cells a test reads.
        rows: outboxes.map(
          (o) =>
            html`<tr data-outbox="${o.service}">
              <th scope="row">${o.service}</th>
              <td>${fmt.number(o.pending)}</td>
              <td>${fmt.number(o.oldestSeconds)}</td>
            </tr>`,
        ),
      })}
      <h2 class="h4 mt-4">Gruppi di consumatori</h2>
      ${dataTable({
        caption: 'Messaggi non ancora elaborati da ogni gruppo, per topic (lag)',
        columns: ['Gruppo', 'Servizio', 'Topic', 'Lag'],
        rows: groups.flatMap((g) =>
          g.lag.map(
            (l) =>
              html`<tr data-group="${g.group}">
                <th scope="row">${g.group}</th>
                <td>${g.service}</td>
                <td>${l.topic}</td>
                <td>${fmt.number(l.messages)}</td>
              </tr>`,
          ),
        ),
      })}
      <h2 class="h4 mt-4">Topic</h2>
      ${dataTable({
        caption: 'Topic, partizioni e offset (primo conservato e finale)',
        columns: ['Topic', 'Partizione', 'Primo offset', 'Offset finale'],
        rows: topics.flatMap((t) =>
          t.partitions.map(
            (p) =>
              html`<tr data-topic="${t.topic}">
                <th scope="row">${t.topic}</th>
                <td>${p.partition}</td>
                <td>${fmt.number(p.low)}</td>
                <td data-end-offset="${p.high}">${fmt.number(p.high)}</td>
              </tr>`,
          ),
        ),
      })}`,
  )}`;
}
