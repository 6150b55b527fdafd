// The theme's AsyncAPI document as a page rendered on the server: @asyncapi/react-component's
// standalone bundle needs inline scripts and styles (against our CSP) and weighs megabytes, while
// channels, messages, headers and payloads are a few tables.
import MarkdownIt from 'markdown-it';
import { html, table, tableRow, trusted } from '@interscambio/http';
import { docsPath, page } from '../pages/layout';
import type { Html } from '@interscambio/http';

type Node = Record<string, unknown>;
/** A value of the document as text: absent ones show as nothing. */
const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
const markdown = new MarkdownIt({ html: false, linkify: false });

const at = (document: Node, ref: unknown): Node => {
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return {};
  return ref
    .slice(2)
    .split('/')
    .reduce<Node>((node, key) => (node?.[key] ?? {}) as Node, document);
};

/** Channels, their messages, headers and payloads, from the theme's AsyncAPI 3.0 document. */
export function eventsPage(theme: string, document: Node): string {
  const info = (document['info'] ?? {}) as Node;
  const servers = Object.values((document['servers'] ?? {}) as Record<string, Node>);
  const channels = Object.entries((document['channels'] ?? {}) as Record<string, Node>);
  return page(
    { title: `Eventi: ${theme}`, section: '/eventi' },
    html`<h1>Eventi del tema ${theme}</h1>
      <p>
        AsyncAPI ${text(document['asyncapi'])}, versione ${text(info['version'])}. Il documento:
        <a href="/${theme}/v1/asyncapi.json"><code>/${theme}/v1/asyncapi.json</code></a
        >.
      </p>
      ${trusted(markdown.render(String(info['description'] ?? '')))}
      <h2>Broker</h2>
      ${
        servers.length === 0
          ? html`<p>
              I broker Kafka della piattaforma (in sandbox quelli di <code>npm start</code>, di solito
              <code>localhost:9092</code>).
            </p>`
          : html`<ul>
              ${servers.map((s) => html`<li><code>${text(s['host'])}</code> (${text(s['protocol'])})</li>`)}
            </ul>`
      }
      <h2>Canali</h2>
      <nav aria-label="Canali del tema ${theme}">
        <ul>
          ${channels.map(
            ([id, c]) =>
              html`<li>
                <a href="#${id}"><code>${text(c['address'])}</code></a>
              </li>`,
          )}
        </ul>
      </nav>
      ${channels.map(([id, channel]) => channelSection(theme, document, id, channel))}`,
  );
}

function channelSection(theme: string, document: Node, id: string, channel: Node): Html {
  const messages = Object.values((channel['messages'] ?? {}) as Record<string, Node>).map((m) =>
    at(document, m['$ref']),
  );
  return html`<section aria-labelledby="${id}">
    <h3 id="${id}"><code>${text(channel['address'])}</code></h3>
    <p>${text(channel['description'])}</p>
    ${messages.map((message) => messageDetails(theme, document, message, recordType(theme, String(channel['address']))))}
  </section>`;
}

/** `<prefix>.<theme>.<type>` or its dead letters, `….dlq`: the record type. */
const recordType = (theme: string, address: string): string | undefined =>
  new RegExp(`\\.${theme}\\.([a-z0-9-]+)(\\.dlq)?$`).exec(address)?.[1];

function messageDetails(theme: string, document: Node, message: Node, type: string | undefined): Html {
  const headers = at(document, (message['headers'] as Node | undefined)?.['$ref']);
  const required = new Set((headers['required'] as string[] | undefined) ?? []);
  const key = (((message['bindings'] as Node | undefined)?.['kafka'] as Node | undefined)?.['key'] ?? {}) as Node;
  const payloadRef = (((message['payload'] as Node | undefined)?.['oneOf'] as Node[] | undefined)?.[0] ?? {})['$ref'];
  const payload = at(document, payloadRef);
  const example = ((message['examples'] as Node[] | undefined)?.[0] ?? {})['payload'];
  const name = String(message['name'] ?? '');
  return html`<h4>${text(message['title'])}</h4>
    <p>
      ${text(message['summary'])} Chiave Kafka: ${text(key['description'])} Contenuto:
      <code>${text(message['contentType'])}</code> (<code>null</code> per una cancellazione).
    </p>
    ${table({
      caption: `Header del messaggio ${name}`,
      columns: ['Header', 'Obbligatorio', 'Descrizione'],
      rows: Object.entries((headers['properties'] ?? {}) as Record<string, Node>).map(([header, schema]) =>
        tableRow(html`<code>${header}</code>`, required.has(header) ? 'sì' : 'no', text(schema['description'])),
      ),
    })}
    <p>
      Payload:
      ${
        type
          ? html`<a href="${docsPath(`/schemi/${theme}/${type}`)}">${text(payload['title'] ?? type)}</a> (nel catalogo
              degli schemi)`
          : html`${text(payload['title'] ?? name)}`
      }.
    </p>
    ${
      example === undefined
        ? ''
        : html`<details>
            <summary>Esempio di payload (${name})</summary>
            <pre><code>${JSON.stringify(example, null, 2)}</code></pre>
          </details>`
    }`;
}
