import { html, table, tableRow } from '@interscambio/http';
import { docsPath, page } from './layout';

export interface ApiService {
  /** The first path segment, the token audience. */
  name: string;
  description: string;
}

export function homePage(services: ApiService[], themes: string[]): string {
  return page(
    { title: 'Inizio', section: '' },
    html`<h1>Interscambio per gli sviluppatori</h1>
      <p>
        Interscambio è la piattaforma con cui i comuni della Città Metropolitana di Palermo si scambiano i dati: ogni
        gestionale pubblica i propri record su un tema (tributi, sociale, edilizia…) e legge quelli che è autorizzato a
        leggere via REST, feed delle modifiche, webhook o Kafka.
      </p>
      <div class="schede">
        <section aria-labelledby="s-guida">
          <h2 id="s-guida"><a href="${docsPath('/guida')}">Guida introduttiva</a></h2>
          <p>Credenziali della sandbox, token, il primo record, il feed e un webhook: comandi da copiare.</p>
        </section>
        <section aria-labelledby="s-api">
          <h2 id="s-api"><a href="${docsPath('/api')}">Riferimento API</a></h2>
          <p>I documenti OpenAPI 3.1 di ${services.length} servizi, da provare con le credenziali della sandbox.</p>
        </section>
        <section aria-labelledby="s-eventi">
          <h2 id="s-eventi"><a href="${docsPath('/eventi')}">Eventi</a></h2>
          <p>I topic Kafka di ${themes.length} temi (AsyncAPI 3.0): CloudEvents, header, payload.</p>
        </section>
        <section aria-labelledby="s-schemi">
          <h2 id="s-schemi"><a href="${docsPath('/schemi')}">Catalogo degli schemi</a></h2>
          <p>Ogni tipo di record, le sue versioni e cosa cambia dall'una all'altra.</p>
        </section>
      </div>`,
  );
}

export function apiIndexPage(services: ApiService[]): string {
  return page(
    { title: 'Riferimento API', section: '/api' },
    html`<h1>Riferimento API</h1>
      <p>
        Ogni servizio pubblica il proprio documento OpenAPI 3.1. Nella pagina di un servizio,
        <strong>Authorize</strong> chiede un token al registry con l'id e il segreto di un client (in sandbox:
        <code>.devstack/sandbox-credentials.json</code>) e <strong>Try it out</strong> chiama il servizio da cui la
        pagina è servita.
      </p>
      ${table({
        caption: 'Servizi e documenti OpenAPI',
        columns: ['Servizio', 'Descrizione', 'Documento'],
        rows: services.map((s) =>
          tableRow(
            html`<a href="${docsPath(`/api/${s.name}`)}">${s.name}</a>`,
            s.description,
            html`<a href="/${s.name}/v1/openapi.json"><code>/${s.name}/v1/openapi.json</code></a>`,
          ),
        ),
      })}
      <p>
        Per TypeScript, <code>@interscambio/client</code> (nel repository, <code>libs/client</code>) offre le stesse
        operazioni con i tipi generati da questi documenti.
      </p>`,
  );
}

/** Swagger UI over one service's document; the script (no inline code) reads its settings from data- attributes. */
export function apiReferencePage(service: ApiService): string {
  return page(
    {
      title: `API ${service.name}`,
      section: '/api',
      head: html`<link rel="stylesheet" href="${docsPath('/assets/swagger-ui.css')}" />`,
      scripts: [docsPath('/assets/swagger-ui-bundle.js'), docsPath('/assets/api-reference.js')],
    },
    html`<h1>API ${service.name}</h1>
      <p>
        ${service.description} Documento:
        <a href="/${service.name}/v1/openapi.json"><code>/${service.name}/v1/openapi.json</code></a
        >.
      </p>
      <div id="riferimento" data-openapi="/${service.name}/v1/openapi.json" data-audience="${service.name}"></div>`,
  );
}

export function eventsIndexPage(themes: string[]): string {
  return page(
    { title: 'Eventi', section: '/eventi' },
    html`<h1>Eventi (AsyncAPI)</h1>
      <p>
        Ogni modifica accettata di un record diventa un CloudEvent sul topic
        <code>interscambio.&lt;tema&gt;.&lt;tipo&gt;</code>, chiave <code>&lt;ente&gt;/&lt;chiave&gt;</code>, con lo
        JSON Schema del tipo come payload.
      </p>
      <ul>
        ${themes.map((t) => html`<li><a href="${docsPath(`/eventi/${t}`)}">${t}</a> — <a href="/${t}/v1/asyncapi.json">asyncapi.json</a></li>`)}
      </ul>`,
  );
}
