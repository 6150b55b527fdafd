import { html } from '@interscambio/http';
import { fmt } from '../http/format';
import type { Html } from '@interscambio/http';
import { alert, BASE, live, liveControls } from '../http/layout';
import type { DeadLetterView } from '../sources/dead-letters.source';

const STATUS: Record<DeadLetterView['status'], string> = {
  pending: 'Da gestire',
  replayed: 'Riprodotto',
  discarded: 'Scartato',
};

export function scartatiPage(
  letters: DeadLetterView[],
  csrf: string,
  notice?: { kind: 'success' | 'danger'; text: string },
): Html {
  const pending = letters.filter((l) => l.status === 'pending').length;
  return html`${notice ? alert(notice.kind, notice.text) : ''} ${liveControls()}
    <form method="post" action="${BASE}/scartati/riproduci" class="mb-4">
      <input type="hidden" name="_csrf" value="${csrf}" />
      <input type="hidden" name="id" value="tutti" />
      <button type="submit" class="btn btn-primary">Riproduci tutti i messaggi da gestire</button>
    </form>
    ${live(
      'scartati',
      html`<p>${pending === 1 ? '1 messaggio da gestire' : `${pending} messaggi da gestire`}.</p>
        ${letters.map((l) => letter(l, csrf))}`,
    )}`;
}

function letter(l: DeadLetterView, csrf: string): Html {
  const title = `Messaggio ${l.id}`;
  return html`<section class="card-wrapper mb-4" aria-labelledby="dl-${l.id}" data-dead-letter="${l.id}">
    <div class="card shadow-sm">
      <div class="card-body">
        <h2 class="h5" id="dl-${l.id}">${title} · ${l.sourceTopic} · <span data-status>${STATUS[l.status]}</span></h2>
        <dl class="row mb-2">
          <dt class="col-sm-3">Errore</dt>
          <dd class="col-sm-9">${l.error ?? '—'}</dd>
          <dt class="col-sm-3">Gruppo</dt>
          <dd class="col-sm-9">${l.consumerGroup ?? '—'}</dd>
          <dt class="col-sm-3">Chiave</dt>
          <dd class="col-sm-9">${l.key ?? '—'}</dd>
          <dt class="col-sm-3">Scartato il</dt>
          <dd class="col-sm-9">${fmt.dateTime(l.failedAt)}</dd>
          <dt class="col-sm-3">Partizione e offset originali</dt>
          <dd class="col-sm-9">
            ${l.headers['interscambio-original-partition'] ?? '—'} / ${l.headers['interscambio-original-offset'] ?? '—'}
          </dd>
          ${
            l.action
              ? html`<dt class="col-sm-3">Gestito da</dt>
                  <dd class="col-sm-9">
                    ${l.action.operator},
                    ${fmt.dateTime(l.action.at)}${l.action.reason ? html` — motivo: ${l.action.reason}` : ''}
                  </dd>`
              : ''
          }
        </dl>
        <details>
          <summary>Contenuto e intestazioni</summary>
          <h3 class="h6 mt-2">Contenuto</h3>
          ${
            personale(l)
              ? html`<p>Dati personali (visibilità <em>personale</em>): il contenuto non si mostra in console.</p>`
              : html`<pre class="payload">${l.payload}</pre>`
          }
          <h3 class="h6">Intestazioni</h3>
          <pre class="payload">
${Object.entries(l.headers)
              .map(([k, v]) => `${k}: ${v}\n`)
              .join('')}</pre>
        </details>
        ${
          l.status === 'pending'
            ? html`<div class="d-flex flex-wrap gap-3 mt-3 align-items-end">
                <form method="post" action="${BASE}/scartati/riproduci">
                  <input type="hidden" name="_csrf" value="${csrf}" /><input type="hidden" name="id" value="${l.id}" />
                  <button type="submit" class="btn btn-primary btn-sm">Riproduci il messaggio ${l.id}</button>
                </form>
                <form method="post" action="${BASE}/scartati/scarta" class="d-flex gap-2 align-items-end">
                  <input type="hidden" name="_csrf" value="${csrf}" /><input type="hidden" name="id" value="${l.id}" />
                  <div>
                    <label for="motivo-${l.id}" class="form-label small mb-0">Motivo dello scarto</label>
                    <input
                      type="text"
                      class="form-control form-control-sm"
                      id="motivo-${l.id}"
                      name="motivo"
                      required
                      maxlength="500"
                    />
                  </div>
                  <button type="submit" class="btn btn-outline-danger btn-sm">Scarta il messaggio ${l.id}</button>
                </form>
              </div>`
            : ''
        }
      </div>
    </div>
  </section>`;
}

/**
 * A special-category record (sociale's fascicoli) is read only with an agreement and a stated
 * purpose, each read audited: the console replays it but never shows it.
 */
function personale(l: DeadLetterView): boolean {
  return (l.headers['ce_visibility'] ?? l.headers['interscambio-visibility']) === 'personale';
}
