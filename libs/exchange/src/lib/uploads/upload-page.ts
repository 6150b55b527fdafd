// The upload page for clerks, until the console has one: plain HTML and a little script, served by
// every theme at /<theme>/v1/caricamento. Behind the gateway every theme shares its origin, so the
// page reaches the others' APIs with relative URLs. Text goes in with textContent, never as HTML.

const SCRIPT = `
const $ = (id) => document.getElementById(id);
const say = (text) => { $('stato').textContent = text; };
const auth = () => ({ authorization: 'Bearer ' + $('token').value.trim() });
const base = () => '/' + $('tema').value + '/v1/records/' + $('tipo').value;

async function loadTypes() {
  const res = await fetch('/' + $('tema').value + '/v1/types');
  const types = res.ok ? (await res.json()).items : [];
  $('tipo').replaceChildren(...types.map((t) => new Option(t.title + ' (' + t.visibility + ')', t.type)));
  links();
}
function links() {
  $('modello-xlsx').href = base() + '/template.xlsx';
  $('modello-csv').href = base() + '/template.csv';
}
function problem(body) {
  const lines = [body.title + ': ' + (body.detail || '')];
  for (const e of body.errors || []) lines.push('– ' + e.message);
  return lines.join('\\n');
}
async function upload(event) {
  event.preventDefault();
  const file = $('file').files[0];
  if (!file) return say('Scegliere un file.');
  const type = /\\.xlsx$/i.test(file.name)
    ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
  say('Invio del file…');
  $('esito').replaceChildren();
  const res = await fetch(base() + '/uploads', {
    method: 'POST', body: file,
    headers: { ...auth(), 'content-type': type, 'x-file-name': encodeURIComponent(file.name) },
  });
  const body = await res.json();
  if (res.status !== 202) return say(problem(body));
  follow(base() + '/uploads/' + body.id);
}
async function follow(url) {
  const res = await fetch(url, { headers: auth() });
  const view = await res.json();
  if (!res.ok) return say(problem(view));
  $('avanzamento').value = view.progress;
  say('Righe lette ' + view.rows.read + ' di ' + view.rows.total + ': pubblicate ' + view.rows.published
    + ', scartate ' + view.rows.rejected + (view.status === 'completato' ? '. Caricamento completato.' : '…'));
  if (view.status !== 'completato') return setTimeout(() => follow(url), 1000);
  report(view);
}
async function report(view) {
  const res = await fetch(view.report.json, { headers: auth() });
  const { errors } = await res.json();
  if (errors.length === 0) return;
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const h of ['Riga', 'Colonna', 'Valore', 'Problema', 'Come correggere']) {
    const th = document.createElement('th'); th.scope = 'col'; th.textContent = h; head.appendChild(th);
  }
  const rows = table.createTBody();
  for (const e of errors.slice(0, 1000)) {
    const tr = rows.insertRow();
    for (const v of [e.row, e.column, e.value, e.problem, e.fix]) tr.insertCell().textContent = String(v);
  }
  const download = document.createElement('button');
  download.type = 'button';
  download.textContent = 'Scarica l’esito in Excel (errori evidenziati)';
  download.onclick = async () => {
    const blob = await (await fetch(view.report.xlsx, { headers: auth() })).blob();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob); a.download = 'esito-' + view.id + '.xlsx'; a.click();
  };
  const caption = table.createCaption();
  caption.textContent = errors.length + ' errori' + (errors.length > 1000 ? ' (i primi 1000; tutti nel file Excel)' : '');
  $('esito').replaceChildren(download, table);
}
$('tema').onchange = loadTypes;
$('tipo').onchange = links;
$('modulo').onsubmit = upload;
loadTypes();
`;

/** The page, with the themes to choose from and the one serving it preselected. */
export function uploadPage(themes: string[], current: string): string {
  const options = themes.map((t) => `<option value="${t}"${t === current ? ' selected' : ''}>${t}</option>`).join('');
  return `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Caricamento di un foglio di calcolo – Interscambio</title>
<style>
body { font-family: "Titillium Web", system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
h1 { color: #06c; } label { display: block; margin-top: 1rem; font-weight: 600; }
select, input, button { font: inherit; padding: .4rem; } button { background: #06c; color: #fff; border: 0; margin-top: 1rem; cursor: pointer; }
progress { width: 100%; height: 1.5rem; } #stato { white-space: pre-line; }
table { border-collapse: collapse; margin-top: 1rem; width: 100%; } th, td { border: 1px solid #999; padding: .3rem; text-align: left; }
caption { text-align: left; font-weight: 600; } :focus { outline: 3px solid #f90; }
</style>
</head>
<body>
<main>
<h1>Caricamento di un foglio di calcolo</h1>
<p>Pubblicate i record del vostro ente da un file Excel (.xlsx) o CSV (UTF-8 o Windows-1252, separato da ; o ,).
Scaricate il modello del tipo di record, compilatelo (una riga per record) e caricatelo: le righe corrette sono
pubblicate, quelle con errori sono elencate con il motivo e il modo di correggerle.</p>
<form id="modulo">
<label for="tema">Tema</label><select id="tema">${options}</select>
<label for="tipo">Tipo di record</label><select id="tipo"></select>
<p>Modello: <a id="modello-xlsx">Excel (.xlsx)</a> · <a id="modello-csv">CSV</a>.
Elenchi di valori in una cella: separati da «|». Date: GG/MM/AAAA.</p>
<label for="token">Token di accesso dell’ente</label><input id="token" type="password" autocomplete="off" required size="60">
<label for="file">File da caricare</label><input id="file" type="file" accept=".csv,.xlsx,text/csv" required>
<button type="submit">Carica</button>
</form>
<h2>Avanzamento</h2>
<progress id="avanzamento" max="1" value="0" aria-label="Avanzamento del caricamento"></progress>
<p id="stato" role="status" aria-live="polite"></p>
<section id="esito" aria-label="Esito del caricamento"></section>
</main>
<script>${SCRIPT}</script>
</body>
</html>`;
}
