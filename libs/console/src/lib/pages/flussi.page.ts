import { html } from '@interscambio/http';
import type { Html } from '@interscambio/http';
import { fmt } from '../http/format';
import { live, liveControls, namedRow, tableSection } from '../http/layout';
import type { GroupView, TopicView } from '../sources/flows.source';

export function flussiPage(
  topics: TopicView[],
  groups: GroupView[],
  outboxes: { service: string; pending: number; oldestSeconds: number | null }[],
): Html {
  return html`${liveControls()}
  ${live(
    'flussi',
    html`${tableSection({
      first: true,
      heading: 'Outbox per servizio',
      caption: 'Eventi scritti e non ancora pubblicati su Kafka',
      columns: ['Servizio', 'In attesa', 'Il più vecchio (secondi)'],
      rows: outboxes.map((o) => namedRow('outbox', o.service, fmt.number(o.pending), fmt.number(o.oldestSeconds))),
    })}
    ${tableSection({
      heading: 'Gruppi di consumatori',
      caption: 'Messaggi non ancora elaborati da ogni gruppo, per topic (lag)',
      columns: ['Gruppo', 'Servizio', 'Topic', 'Lag'],
      rows: groups.flatMap((g) =>
        g.lag.map((l) => namedRow('group', g.group, g.service, l.topic, fmt.number(l.messages))),
      ),
    })}
    ${tableSection({
      heading: 'Topic',
      caption: 'Topic, partizioni e offset (primo conservato e finale)',
      columns: ['Topic', 'Partizione', 'Primo offset', 'Offset finale'],
      rows: topics.flatMap((t) =>
        t.partitions.map((p) =>
          namedRow('topic', t.topic, p.partition, fmt.number(p.low), {
            data: { 'end-offset': p.high },
            content: fmt.number(p.high),
          }),
        ),
      ),
    })}`,
  )}`;
}
