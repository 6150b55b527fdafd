import { html, fmt } from '../http/html';
import type { Html } from '../http/html';
import { live, liveControls } from '../http/layout';
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
    html`<h2 class="h4">Stato dei servizi</h2>
      <div class="table-responsive">
        <table class="table table-sm">
          <caption>
            Stato di ogni servizio, di Kafka e di PostgreSQL come lo riporta il servizio
          </caption>
          <thead>
            <tr>
              <th scope="col">Servizio</th>
              <th scope="col">Stato</th>
              <th scope="col">PostgreSQL</th>
              <th scope="col">Kafka</th>
              <th scope="col">Outbox in attesa</th>
              <th scope="col">Controllato</th>
            </tr>
          </thead>
          <tbody>
            ${services.map((s) => {
              const [label, badge] = STATUS_LABEL[s.status];
              return html`<tr>
                <th scope="row">${s.name}</th>
                <td><span class="badge ${badge}">${label}</span></td>
                <td>${CHECK_LABEL[s.checks['postgres'] ?? ''] ?? '—'}</td>
                <td>${CHECK_LABEL[s.checks['kafka'] ?? ''] ?? '—'}</td>
                <td>${fmt.number(s.outboxPending)}</td>
                <td>${fmt.dateTime(s.checkedAt)}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>`,
  )}
  ${live(
    'record-per-tema',
    html`<h2 class="h4 mt-4">Record per minuto nell'ultima ora</h2>
      <p>
        <span class="legend-swatch accepted" aria-hidden="true"></span>accettati
        <span class="legend-swatch rejected ms-3" aria-hidden="true"></span>rifiutati
      </p>
      <div class="row">${[...hour].map(([theme, minutes]) => chart(theme, minutes))}</div>
      <div class="table-responsive">
        <table class="table table-sm">
          <caption>
            Totale dell'ultima ora per tema
          </caption>
          <thead>
            <tr>
              <th scope="col">Tema</th>
              <th scope="col">Accettati</th>
              <th scope="col">Rifiutati</th>
            </tr>
          </thead>
          <tbody>
            ${[...hour].map(
              ([theme, minutes]) =>
                html`<tr data-theme="${theme}">
                  <th scope="row">${theme}</th>
                  <td data-accepted>${fmt.number(sum(minutes, 'accepted'))}</td>
                  <td data-rejected>${fmt.number(sum(minutes, 'rejected'))}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`,
  )}
  ${live(
    'ultimi-record',
    html`<h2 class="h4 mt-4">Ultimi record pubblicati</h2>
      <div class="table-responsive">
        <table class="table table-sm">
          <caption>
            Gli ultimi eventi dei record letti da Kafka
          </caption>
          <thead>
            <tr>
              <th scope="col">Quando</th>
              <th scope="col">Tema</th>
              <th scope="col">Tipo</th>
              <th scope="col">Ente</th>
              <th scope="col">Chiave</th>
              <th scope="col">Revisione</th>
            </tr>
          </thead>
          <tbody>
            ${latest.map(
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
            )}
          </tbody>
        </table>
      </div>`,
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
