import { html, fmt } from '../http/html';
import type { Html } from '../http/html';
import { live, liveControls } from '../http/layout';
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
      <div class="table-responsive">
        <table class="table table-sm">
          <caption>
            Eventi scritti e non ancora pubblicati su Kafka
          </caption>
          <thead>
            <tr>
              <th scope="col">Servizio</th>
              <th scope="col">In attesa</th>
              <th scope="col">Il più vecchio (secondi)</th>
            </tr>
          </thead>
          <tbody>
            ${outboxes.map(
              (o) =>
                html`<tr data-outbox="${o.service}">
                  <th scope="row">${o.service}</th>
                  <td>${fmt.number(o.pending)}</td>
                  <td>${fmt.number(o.oldestSeconds)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <h2 class="h4 mt-4">Gruppi di consumatori</h2>
      <div class="table-responsive">
        <table class="table table-sm">
          <caption>
            Messaggi non ancora elaborati da ogni gruppo, per topic (lag)
          </caption>
          <thead>
            <tr>
              <th scope="col">Gruppo</th>
              <th scope="col">Servizio</th>
              <th scope="col">Topic</th>
              <th scope="col">Lag</th>
            </tr>
          </thead>
          <tbody>
            ${groups.flatMap((g) =>
              g.lag.map(
                (l) =>
                  html`<tr data-group="${g.group}">
                    <th scope="row">${g.group}</th>
                    <td>${g.service}</td>
                    <td>${l.topic}</td>
                    <td>${fmt.number(l.messages)}</td>
                  </tr>`,
              ),
            )}
          </tbody>
        </table>
      </div>
      <h2 class="h4 mt-4">Topic</h2>
      <div class="table-responsive">
        <table class="table table-sm">
          <caption>
            Topic, partizioni e offset (primo conservato e finale)
          </caption>
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col">Partizione</th>
              <th scope="col">Primo offset</th>
              <th scope="col">Offset finale</th>
            </tr>
          </thead>
          <tbody>
            ${topics.flatMap((t) =>
              t.partitions.map(
                (p) =>
                  html`<tr data-topic="${t.topic}">
                    <th scope="row">${t.topic}</th>
                    <td>${p.partition}</td>
                    <td>${fmt.number(p.low)}</td>
                    <td data-end-offset="${p.high}">${fmt.number(p.high)}</td>
                  </tr>`,
              ),
            )}
          </tbody>
        </table>
      </div>`,
  )}`;
}
