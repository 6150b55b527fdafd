import { html, table, tableRow } from '@interscambio/http';
import { docsPath, page } from '../pages/layout';
import type { Html } from '@interscambio/http';
import type { RecordTypeVersions, VersionDiff } from './schema-versions';

const typePath = (t: RecordTypeVersions): string => docsPath(`/schemi/${t.theme}/${t.type}`);
const versionPath = (t: RecordTypeVersions, version: string): string => `${typePath(t)}/versioni/${version}.json`;

/** Every record type, by theme, with its versions. */
export function catalogPage(types: RecordTypeVersions[]): string {
  const themes = [...new Set(types.map((t) => t.theme))].sort();
  const sections = themes.map((theme) => {
    const rows = types
      .filter((t) => t.theme === theme)
      .map(
        (t) =>
          html`<tr>
            <th scope="row"><a href="${typePath(t)}">${t.type}</a></th>
            <td>${t.title}</td>
            <td>${t.visibility}</td>
            <td>
              ${t.versions.map((v, i) => html`${i > 0 ? ', ' : ''}<a href="${versionPath(t, v.version)}">${v.version}</a>`)}
            </td>
          </tr>`,
      );
    return html`<section aria-labelledby="tema-${theme}">
      <h2 id="tema-${theme}">${theme}</h2>
      ${table({
        caption: `Tipi di record del tema ${theme}`,
        columns: ['Tipo', 'Titolo', 'Visibilità', 'Versioni (JSON Schema)'],
        rows,
      })}
    </section>`;
  });
  return page(
    { title: 'Catalogo degli schemi', section: '/schemi' },
    html`<h1>Catalogo degli schemi</h1>
      <p>
        Ogni tipo di record ha un JSON Schema (draft 2020-12) per versione: lo stesso schema valida le scritture,
        descrive il corpo delle richieste nell'OpenAPI e il payload degli eventi nell'AsyncAPI. Una versione
        <em>minore</em> (1.0, 1.1…) accetta tutto ciò che accettava la precedente; una nuova <em>maggiore</em> (2) può
        non farlo. La pagina di ogni tipo mostra i campi e le differenze tra le versioni.
      </p>
      ${sections}`,
  );
}

/** One record type: its fields, its versions and what changed between each and the next. */
export function typePage(t: RecordTypeVersions, diffs: VersionDiff[]): string {
  const latest = t.versions[t.versions.length - 1];
  const options = t.versions.map((v) => html`<option value="${v.version}">${v.version}</option>`);
  return page(
    { title: `${t.theme} / ${t.type}`, section: '/schemi' },
    html`<h1>${t.title} <span class="sotto">${t.theme} / ${t.type}</span></h1>
      <p>${t.description}</p>
      <p>
        Visibilità: <strong>${t.visibility}</strong>. Topic Kafka: <code>interscambio.${t.theme}.${t.type}</code>.
        Schema servito dal tema:
        <a href="/${t.theme}/v1/schemas/${t.type}/${latest?.version.split('.')[0] ?? '1'}"
          ><code>/${t.theme}/v1/schemas/${t.type}/${latest?.version.split('.')[0] ?? '1'}</code></a
        >.
      </p>
      <h2>Versioni</h2>
      <ul>
        ${t.versions.map((v) => html`<li><a href="${versionPath(t, v.version)}">Versione ${v.version}</a>${v.current ? ' (corrente della maggiore)' : ' (storica)'}</li>`)}
      </ul>
      <h2>Campi della versione ${latest?.version}</h2>
      ${fieldsTable(latest?.schema ?? {})} ${examplesSection(latest?.schema ?? {})}
      <h2>Differenze tra le versioni</h2>
      ${diffs.length === 0 ? html`<p>Questo tipo ha una sola versione: non ci sono differenze da mostrare.</p>` : diffs.map((d) => diffSection(t, d))}
      ${
        t.versions.length > 1
          ? html`<form method="get" action="${typePath(t)}/differenze" class="confronto">
              <fieldset>
                <legend>Confronta due versioni</legend>
                <label for="da">Dalla versione</label>
                <select id="da" name="da">
                  ${options}
                </select>
                <label for="a">alla versione</label>
                <select id="a" name="a">
                  ${options}
                </select>
                <button type="submit">Confronta</button>
              </fieldset>
            </form>`
          : ''
      }`,
  );
}

export function diffPage(t: RecordTypeVersions, diff: VersionDiff): string {
  return page(
    { title: `${t.type}: ${diff.from} → ${diff.to}`, section: '/schemi' },
    html`<h1>${t.title}: dalla versione ${diff.from} alla ${diff.to}</h1>
      <p><a href="${typePath(t)}">Torna al tipo ${t.type}</a></p>
      ${diffSection(t, diff, 'h2')}`,
  );
}

function diffSection(t: RecordTypeVersions, diff: VersionDiff, heading: 'h2' | 'h3' = 'h3'): Html {
  const id = `diff-${diff.from}-${diff.to}`.replace(/\./g, '_');
  return html`<section aria-labelledby="${id}">
    <${heading} id="${id}">
      Da <a href="${versionPath(t, diff.from)}">${diff.from}</a> a <a href="${versionPath(t, diff.to)}">${diff.to}</a>
    </${heading}>
    <p class="${diff.breaking.length === 0 ? 'compatibile' : 'incompatibile'}">
      ${
        diff.breaking.length === 0
          ? 'Compatibile: ogni documento valido per la versione precedente resta valido.'
          : `Non compatibile: ${diff.breaking.join('; ')}.`
      }
    </p>
    ${
      diff.changes.length === 0
        ? html`<p>Nessun campo né vincolo cambiato (solo descrizioni o esempi).</p>`
        : table({
            caption: `Campi cambiati da ${diff.from} a ${diff.to}`,
            columns: ['Campo', 'Cambiamento', 'Dettaglio'],
            rows: diff.changes.map(
              (c) =>
                html`<tr>
                  <th scope="row"><code>${c.field}</code></th>
                  <td class="${c.kind}">${c.kind}</td>
                  <td>${c.what}</td>
                </tr>`,
            ),
          })
    }
  </section>`;
}

interface FieldRow {
  field: string;
  type: string;
  required: boolean;
  description: string;
}

function fieldsTable(schema: Record<string, unknown>): Html {
  const rows: FieldRow[] = [];
  collectFields(schema, '', rows);
  return table({
    caption: 'Campi (puntatori JSON nel documento)',
    columns: ['Campo', 'Tipo', 'Obbligatorio', 'Descrizione'],
    rows: rows.map((r) => tableRow(html`<code>${r.field}</code>`, r.type, r.required ? 'sì' : 'no', r.description)),
  });
}

function collectFields(schema: Record<string, unknown>, prefix: string, rows: FieldRow[]): void {
  const properties = (schema['properties'] ?? {}) as Record<string, Record<string, unknown>>;
  const required = new Set((schema['required'] as string[] | undefined) ?? []);
  for (const [name, property] of Object.entries(properties)) {
    const field = `${prefix}/${name}`;
    const type = [property['type'], property['format']].filter(Boolean).map(String).join(', ');
    rows.push({
      field,
      type: type || (property['$ref'] ? 'vedi definizione' : property['enum'] ? 'valori elencati' : 'composto'),
      required: required.has(name),
      description: String(property['description'] ?? property['title'] ?? ''),
    });
    collectFields(property, field, rows);
    const items = property['items'];
    if (items && typeof items === 'object') collectFields(items as Record<string, unknown>, `${field}/*`, rows);
  }
}

/** The schema's own `examples`: documents that validate (the schema tests check each one). */
function examplesSection(schema: Record<string, unknown>): Html {
  const examples = Array.isArray(schema['examples']) ? (schema['examples'] as unknown[]) : [];
  if (examples.length === 0) return html``;
  return html`<h2>Esempi</h2>
    ${examples.map(
      (example, i) =>
        html`<details ${i === 0 ? 'open' : ''}>
          <summary>Esempio ${i + 1}</summary>
          <pre><code>${JSON.stringify(example, null, 2)}</code></pre>
        </details>`,
    )}`;
}
