import { html } from '@interscambio/http';
import { fmt } from '../http/format';
import type { Html } from '@interscambio/http';
import { BASE, dataTable } from '../http/layout';
import type { RecordTrace, TracedEvent, TraceQuery } from '../sources/trace.source';

export function tracciaPage(query: TraceQuery, found: TracedEvent[] | undefined, error?: string): Html {
  const field = (id: string, label: string, value: string | undefined, hint?: string): Html =>
    html`<div class="col-12 col-md-6 col-lg-3 mb-3">
      <label for="${id}" class="form-label">${label}</label>
      <input
        type="text"
        class="form-control"
        id="${id}"
        name="${id}"
        value="${value ?? ''}"
        ${hint ? html` aria-describedby="${id}-hint"` : ''}
      />
      ${hint ? html`<small id="${id}-hint" class="form-text">${hint}</small>` : ''}
    </div>`;
  return html`<form method="get" action="${BASE}/traccia" class="mb-4">
      <fieldset>
        <legend class="h5">Cerca per record</legend>
        <div class="row">
          ${field('tipo', 'Tipo', query.type, 'es. posizione-debitoria')}
          ${field('ente', 'Ente (codice ISTAT)', query.ente, '6 cifre')} ${field('chiave', 'Chiave', query.key)}
        </div>
      </fieldset>
      <fieldset>
        <legend class="h5">oppure per correlazione</legend>
        <div class="row">${field('correlazione', 'Correlation id', query.correlationId)}</div>
      </fieldset>
      <button type="submit" class="btn btn-primary">Cerca</button>
    </form>
    ${error ? html`<div class="alert alert-danger" role="alert">${error}</div>` : ''}
    ${
      found === undefined
        ? ''
        : found.length === 0
          ? html`<p role="status">Nessun evento trovato.</p>`
          : html`<h2 class="h4">Eventi trovati</h2>
              ${eventsTable(found, true)}`
    }`;
}

export function recordPage(record: { theme: string; type: string; ente: string; key: string }, t: RecordTrace): Html {
  return html`<p>
      <strong>${record.theme}</strong> · ${record.type} · ente ${record.ente} · chiave
      <span data-record-key>${record.key}</span>
    </p>
    <h2 class="h4">Eventi su Kafka</h2>
    ${eventsTable(t.events, false)}
    <h2 class="h4 mt-4">Revisioni</h2>
    ${listTable(
      'Revisioni del record come le conserva il servizio',
      ['Revisione', 'Operazione', 'Quando'],
      t.revisions.map((r) => [String(r.revision), r.operation, fmt.dateTime(r.changedAt)]),
    )}
    <h2 class="h4 mt-4">Consumatori che lo hanno elaborato</h2>
    ${listTable(
      'Gruppi di consumatori che hanno elaborato gli eventi del record',
      ['Servizio', 'Gruppo', 'Evento', 'Quando'],
      t.consumers.map((c) => [c.service, c.group, c.eventId, fmt.dateTime(c.processedAt)]),
    )}
    <h2 class="h4 mt-4">Consegne webhook</h2>
    ${listTable(
      'Consegne del notifier per gli eventi del record',
      ['Evento', 'Sottoscrizione', 'Stato', 'Tentativi', 'Ultima risposta HTTP'],
      t.deliveries.map((d) => [
        d.eventId,
        d.subscription,
        d.status,
        String(d.attempts),
        d.lastStatus === null ? '—' : String(d.lastStatus),
      ]),
    )}
    <h2 class="h4 mt-4">Letture</h2>
    ${listTable(
      'Letture registrate del record (dati personali)',
      ['Quando', 'Client', 'Ente', 'Finalità', 'Accordo'],
      t.reads.map((r) => [fmt.dateTime(r.at), r.clientId, r.ente, r.purpose ?? '—', r.agreementId ?? '—']),
    )}`;
}

function eventsTable(events: TracedEvent[], linkRecord: boolean): Html {
  const columns = ['Revisione', 'Operazione', 'Topic', 'Partizione', 'Offset', 'Correlation id'];
  return dataTable({
    caption: 'Eventi del record con la loro posizione su Kafka',
    columns: linkRecord ? ['Quando', 'Record', ...columns] : ['Quando', ...columns],
    rows: events.map(
      (e) =>
        html`<tr>
          <td>${fmt.dateTime(e.time)}</td>
          ${
            linkRecord
              ? html`<td>
                  <a
                    href="${BASE}/traccia/record?${new URLSearchParams({ tema: e.theme, tipo: e.type, ente: e.ente, chiave: e.key }).toString()}"
                    >${e.type} ${e.ente}/${e.key}</a
                  >
                </td>`
              : ''
          }
          <td>${e.revision ?? '—'}</td>
          <td>${e.operation ?? '—'}</td>
          <td>${e.topic}</td>
          <td>${e.partition}</td>
          <td data-offset>${e.offset}</td>
          <td>${e.correlationId ?? '—'}</td>
        </tr>`,
    ),
  });
}

/** A table of plain cells, or "Nessuno." when there is no row. */
function listTable(caption: string, columns: string[], rows: string[][]): Html {
  if (rows.length === 0) return html`<p>Nessuno.</p>`;
  return dataTable({
    caption,
    columns,
    rows: rows.map(
      (r) =>
        html`<tr>
          ${r.map((c) => html`<td>${c}</td>`)}
        </tr>`,
    ),
  });
}
