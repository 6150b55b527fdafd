import { createReadStream, existsSync } from 'node:fs';
import type { ReadStream } from 'node:fs';
import path from 'node:path';

// bootstrap-italia from npm, served from node_modules: no copy to keep in step with the package.
const dist = path.dirname(require.resolve('bootstrap-italia/dist/css/bootstrap-italia.min.css'));
const fonts = path.join(dist, '..', 'fonts', 'Titillium_Web');

const FONT_WEIGHTS = { 400: 'regular', 600: '600', 700: '700' } as const;

// bootstrap-italia loads its fonts from its JavaScript (an injected <style>), which a strict CSP
// refuses: the console declares them here instead and loads no script of the design system.
const CSS = `
${Object.entries(FONT_WEIGHTS)
  .map(
    ([weight, name]) => `@font-face { font-family: 'Titillium Web'; font-style: normal; font-weight: ${weight};
  font-display: swap; src: url('${'/console/assets/fonts/'}titillium-web-v10-latin-ext_latin-${name}.woff2') format('woff2'); }`,
  )
  .join('\n')}
.skiplink { position: absolute; left: 1rem; top: 1rem; z-index: 1000; background: #fff; padding: .5rem 1rem; }
.console-nav { background: #0066cc; }
.console-nav .nav-link { color: #fff; font-weight: 600; text-decoration: underline; text-underline-offset: .2em; }
.console-nav .nav-link.active { background: #fff; color: #004d99; text-decoration: none; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid #ff9900; outline-offset: 2px; box-shadow: none; }
.chart { width: 100%; max-width: 48rem; height: auto; }
.chart .accepted { fill: #0066cc; }
.chart .rejected { fill: #c0392b; }
.legend-swatch { display: inline-block; width: 1rem; height: 1rem; vertical-align: middle; margin-right: .25rem; }
.legend-swatch.accepted { background: #0066cc; }
.legend-swatch.rejected { background: #c0392b; }
pre.payload { white-space: pre-wrap; word-break: break-all; background: #f5f5f5; padding: .5rem; max-height: 20rem; overflow: auto; }
.btn-xs { padding: .1rem .5rem; font-size: .875rem; }
`;

// Live updates without reloading: every 5 s the page is fetched again and each [data-live] region
// swapped for its new content. Paused while focus or a selection is inside a region, and by a
// button (WCAG 2.2.2), so nobody loses their place.
const JS = `
(function () {
  var paused = false;
  var toggle = document.querySelector('[data-live-toggle]');
  if (toggle) toggle.addEventListener('click', function () {
    paused = !paused;
    toggle.setAttribute('aria-pressed', String(paused));
    toggle.textContent = paused ? 'Riprendi aggiornamenti' : 'Sospendi aggiornamenti';
  });
  if (!document.querySelector('[data-live]')) return;
  function busy() {
    var a = document.activeElement;
    return a && a !== document.body && a.closest && a.closest('[data-live]');
  }
  function refresh() {
    if (paused || busy() || document.hidden) return;
    fetch(location.href, { headers: { 'x-console-live': '1' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (text) {
        if (!text) return;
        var next = new DOMParser().parseFromString(text, 'text/html');
        document.querySelectorAll('[data-live]').forEach(function (region) {
          var fresh = next.getElementById(region.id);
          if (fresh && fresh.innerHTML !== region.innerHTML) region.innerHTML = fresh.innerHTML;
        });
      })
      .catch(function () {});
  }
  setInterval(refresh, 5000);
})();
`;

export function consoleAsset(name: string): { type: string; body: string | ReadStream } | undefined {
  if (name === 'console.css') return { type: 'text/css; charset=utf-8', body: CSS };
  if (name === 'console.js') return { type: 'text/javascript; charset=utf-8', body: JS };
  if (name === 'bootstrap-italia.min.css')
    return { type: 'text/css; charset=utf-8', body: createReadStream(path.join(dist, 'bootstrap-italia.min.css')) };
  const font = /^fonts\/(titillium-web-v10-latin-ext_latin-[a-z0-9]+\.woff2)$/.exec(name)?.[1];
  if (font && existsSync(path.join(fonts, font)))
    return { type: 'font/woff2', body: createReadStream(path.join(fonts, font)) };
  return undefined;
}
