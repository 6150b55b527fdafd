import { html, tableRow } from '@interscambio/http';
import type { Html } from '@interscambio/http';
import { fmt } from '../http/format';
import { live, liveControls, namedRow, tableSection } from '../http/layout';
import type { MinuteCount, ServiceState } from '../sources/service-watcher';
import type { TracedEvent } from '../sources/trace.source';

const STATUS_LABEL: Record<ServiceState['status'], [string, string]> = {
  up: ['Attivo', 'bg-success'],
  degraded: ['Degradato', 'bg-warning text-dark'],
  down: ['Non disponibile', 'bg-danger'],
  unreachable: ['Non raggiungibile', 'bg-danger'],
};
const CHECK_LABEL: Record<string, string> = { up: 'risponde', down: 'non risponde' };

export function panoramicaPage(
  services: ServiceState[],
  hour: Map<string, MinuteCount[]>,
  latest: TracedEvent[],
): Html {
  return html`${liveControls()}
  ${live(
    'stato',
    tableSection({
      first: true,
      heading: 'Stato dei servizi',
      caption: 'Stato di ogni servizio, di Kafka e di PostgreSQL come lo riporta il servizio',
      columns: ['Servizio', 'Stato', 'PostgreSQL', 'Kafka', 'Outbox in attesa', 'Controllato'],
      rows: services.map((s) => {
        const [label, badge] = STATUS_LABEL[s.status];
        return tableRow(
          s.name,
          html`<span class="badge ${badge}">${label}</span>`,
          CHECK_LABEL[s.checks['postgres'] ?? ''] ?? '—',
          CHECK_LABEL[s.checks['kafka'] ?? ''] ?? '—',
          fmt.number(s.outboxPending),
          fmt.dateTime(s.checkedAt),
        );
      }),
    }),
  )}
  ${live(
    'record-per-tema',
    tableSection({
      heading: "Record per minuto nell'ultima ora",
      lead: html`<p>
          <span class="legend-swatch accepted" aria-hidden="true"></span>accettati
          <span class="legend-swatch rejected ms-3" aria-hidden="true"></span>rifiutati
        </p>
        <div class="row">${[...hour].map(([theme, minutes]) => chart(theme, minutes))}</div>`,
      caption: "Totale dell'ultima ora per tema",
      columns: ['Tema', 'Accettati', 'Rifiutati'],
      rows: [...hour].map(([theme, minutes]) =>
        namedRow(
          'theme',
          theme,
          { data: { accepted: true }, content: fmt.number(sum(minutes, 'accepted')) },
          { data: { rejected: true }, content: fmt.number(sum(minutes, 'rejected')) },
        ),
      ),
    }),
  )}
  ${live(
    'ultimi-record',
    tableSection({
      heading: 'Ultimi record pubblicati',
      caption: 'Gli ultimi eventi dei record letti da Kafka',
      columns: ['Quando', 'Tema', 'Tipo', 'Ente', 'Chiave', 'Revisione'],
      rows: latest.map(
        (e) =>
          html`<tr>
            <td>${fmt.dateTime(e.time)}</td>
            <td>${e.theme}</td>
            <td>${e.type}</td>
            <td>${e.ente}</td>
            <td>
              <a
                href="/console/traccia/record?${new URLSearchParams({ tema: e.theme, tipo: e.type, ente: e.ente, chiave: e.key }).toString()}"
                >${e.key}</a
              >
            </td>
            <td>${e.revision ?? '—'}</td>
          </tr>`,
      ),
    }),
  )}`;
}

function sum(minutes: MinuteCount[], field: 'accepted' | 'rejected'): number {
  return minutes.reduce((n, m) => n + m[field], 0);
}

/** A bar per minute, accepted above rejected; the table after the charts says the same in text. */
function chart(theme: string, minutes: MinuteCount[]): Html {
  const max = Math.max(1, ...minutes.map((m) => m.accepted + m.rejected));
  const width = 600;
  const height = 120;
  const bar = width / minutes.length;
  const accepted = sum(minutes, 'accepted');
  const rejected = sum(minutes, 'rejected');
  const label = `${theme}: ${accepted} accettati e ${rejected} rifiutati nell'ultima ora, massimo ${max} in un minuto`;
  return html`<figure class="col-12 col-lg-6">
    <figcaption class="fw-semibold">${theme}</figcaption>
    <svg class="chart" viewBox="0 0 ${width} ${height + 20}" role="img" aria-label="${label}">
      <line x1="0" y1="${height}" x2="${width}" y2="${height}" stroke="#5c6f82" />
      ${minutes.map((m, i) => {
        const a = (m.accepted / max) * height;
        const r = (m.rejected / max) * height;
        return html`<rect
            class="accepted"
            x="${(i * bar).toFixed(1)}"
            y="${(height - a).toFixed(1)}"
            width="${(bar - 1).toFixed(1)}"
            height="${a.toFixed(1)}"
          /><rect
            class="rejected"
            x="${(i * bar).toFixed(1)}"
            y="${(height - a - r).toFixed(1)}"
            width="${(bar - 1).toFixed(1)}"
            height="${r.toFixed(1)}"
          />`;
      })}
      <text x="0" y="${height + 16}" font-size="12" fill="#1a1a1a">
        ${fmt.time((minutes[0]?.minute ?? 0) * 60_000)}
      </text>
      <text x="${width}" y="${height + 16}" font-size="12" fill="#1a1a1a" text-anchor="end">
        ${fmt.time((minutes.at(-1)?.minute ?? 0) * 60_000)}
      </text>
    </svg>
  </figure>`;
}
