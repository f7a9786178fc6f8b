// The preview's page in the browser: pages as they print, overlays (grids, type area, trim, article zones), warnings beside them, errors over them; live by server-sent events.

/** The whole page: HTML with its style and script inline (the server serves nothing else but data and page images). */
export function previewHtml(): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsprint preview</title>
<style>${CSS}</style>
</head>
<body>
<header>
  <h1 id="title">newsprint preview</h1>
  <p id="status" role="status" aria-live="polite">Loading…</p>
  <fieldset><legend>Overlays</legend>
    <label><input type="checkbox" data-overlay="columns" checked> Column grid</label>
    <label><input type="checkbox" data-overlay="baseline"> Baseline grid</label>
    <label><input type="checkbox" data-overlay="area"> Type area</label>
    <label><input type="checkbox" data-overlay="trim" checked> Trim and bleed</label>
    <label><input type="checkbox" data-overlay="zones" checked> Article zones</label>
  </fieldset>
  <p class="actions"><a href="/print.pdf" id="pdf">Print PDF of this state</a> · <a href="/e-edition/" id="ee">E-edition of this state</a> · <button type="button" id="build">Write the full build to output/</button></p>
</header>
<div id="error" role="alert" hidden><strong>Layout stopped:</strong> <span id="error-where"></span> <span id="error-message"></span><br><small>The pages below are the last good layout; fix the file and they update.</small></div>
<main>
  <nav aria-label="Pages"><h2>Pages</h2><ol id="pages-list"></ol><h2>Warnings</h2><ul id="warnings"></ul></nav>
  <div id="pages"></div>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

const CSS = `
:root { font-family: system-ui, sans-serif; color: #1b1b1b; background: #d9d6cf; }
body { margin: 0; }
header { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; padding: 0.5rem 1rem; background: #fff; border-bottom: 1px solid #999; position: sticky; top: 0; z-index: 5; }
header h1 { font-size: 1.1rem; margin: 0; }
fieldset { border: 0; display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0; padding: 0; }
legend { float: left; font-weight: 600; margin-right: 0.5rem; }
main { display: grid; grid-template-columns: minmax(12rem, 20rem) 1fr; gap: 1rem; padding: 1rem; }
nav { font-size: 0.9rem; }
nav ul, nav ol { padding-left: 1.25rem; }
#warnings { list-style: none; padding-left: 0; }
#warnings li { margin-bottom: 0.5rem; }
#warnings .info button { color: #555; }
#warnings button { text-align: left; font: inherit; background: none; border: 0; padding: 0; color: #0b4f8a; text-decoration: underline; cursor: pointer; }
#warnings .error { color: #9b1111; }
#pages { display: flex; flex-direction: column; gap: 1.5rem; align-items: center; }
figure.page { position: relative; margin: 0; width: min(100%, 60rem); box-shadow: 0 2px 8px rgba(0,0,0,0.35); background: #fff; }
figure.page img { display: block; width: 100%; height: auto; }
figure.page svg { position: absolute; inset: 0; width: 100%; height: 100%; }
figure.page figcaption { position: absolute; top: -1.4rem; left: 0; font-size: 0.85rem; }
.overlay { display: none; }
body.show-columns .columns, body.show-baseline .baseline, body.show-area .area, body.show-trim .trim, body.show-zones .zones { display: inline; }
.zones a rect { fill: rgba(11, 79, 138, 0.05); stroke: rgba(11, 79, 138, 0.6); stroke-width: 1; }
.zones a:focus rect, .zones a.flagged rect { stroke: #c00; stroke-width: 3; fill: rgba(200, 0, 0, 0.08); }
.textlayer text { fill: transparent; }
#error { position: sticky; top: 4.5rem; z-index: 6; margin: 0.5rem 1rem; padding: 0.75rem 1rem; background: #fff3f3; border: 2px solid #b00; color: #600; }
:focus-visible { outline: 3px solid #0b4f8a; outline-offset: 2px; }
`;

const SCRIPT = `
(() => {
  const $ = (id) => document.getElementById(id);
  const svgNS = 'http://www.w3.org/2000/svg';
  const el = (name, attrs = {}, ns) => { const e = ns ? document.createElementNS(svgNS, name) : document.createElement(name); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v)); return e; };
  for (const box of document.querySelectorAll('[data-overlay]')) {
    const apply = () => document.body.classList.toggle('show-' + box.dataset.overlay, box.checked);
    box.addEventListener('change', apply);
    apply();
  }
  $('build').addEventListener('click', async () => {
    $('status').textContent = 'Writing the full build…';
    const r = await fetch('/build', { method: 'POST' });
    $('status').textContent = r.ok ? 'Wrote ' + (await r.json()).dir : 'The build failed: see the terminal';
  });

  function pageFigure(p, state) {
    const fig = el('figure', { class: 'page', id: 'page-' + p.number, 'aria-label': 'Page ' + p.number + (p.section ? ': ' + p.section : '') });
    const cap = el('figcaption');
    cap.textContent = 'Page ' + p.number + (p.section ? ' · ' + p.section : '');
    fig.append(cap);
    const img = el('img', { src: p.image, alt: 'Page ' + p.number + ' as it prints', width: Math.round(p.width * 2), height: Math.round(p.height * 2) });
    fig.append(img);
    const svg = el('svg', { viewBox: '0 0 ' + p.width + ' ' + p.height, 'aria-hidden': 'false' }, true);
    const a = p.area;
    const g = (cls) => { const x = el('g', { class: 'overlay ' + cls }, true); svg.append(x); return x; };
    const cols = g('columns');
    for (let i = 0; i < a.columns; i++) cols.append(el('rect', { x: a.x + i * (a.columnWidth + a.gutter), y: a.y, width: a.columnWidth, height: a.h, fill: 'rgba(0,160,255,0.06)', stroke: 'rgba(0,120,255,0.35)', 'stroke-width': 0.5 }, true));
    const base = g('baseline');
    for (let y = a.y + a.baseline; y <= a.y + a.h + 0.01; y += a.baseline) base.append(el('line', { x1: a.x, x2: a.x + a.w, y1: y, y2: y, stroke: 'rgba(255,0,160,0.35)', 'stroke-width': 0.3 }, true));
    g('area').append(el('rect', { x: a.x, y: a.y, width: a.w, height: a.h, fill: 'none', stroke: 'rgba(0,150,0,0.7)', 'stroke-width': 1, 'stroke-dasharray': '4 3' }, true));
    const trim = g('trim');
    trim.append(el('rect', { x: 0.5, y: 0.5, width: p.width - 1, height: p.height - 1, fill: 'none', stroke: 'rgba(0,0,0,0.8)', 'stroke-width': 1 }, true));
    const zones = g('zones');
    const flagged = new Set(state.warnings.filter((w) => w.page === p.number && w.article && w.severity !== 'info').map((w) => w.article));
    for (const z of p.zones) {
      const link = el('a', { href: '#page-' + p.number, class: flagged.has(z.article) ? 'flagged' : '', 'data-article': z.article, 'aria-label': z.headline + (flagged.has(z.article) ? ' (has warnings)' : '') }, true);
      link.append(el('rect', { x: z.x, y: z.y, width: z.w, height: z.h }, true));
      zones.append(link);
    }
    const text = el('g', { class: 'textlayer' }, true);
    for (const t of p.text) {
      const node = el('text', { x: t.x, y: t.y, 'font-size': t.size, textLength: Math.max(1, t.w), lengthAdjust: 'spacingAndGlyphs' }, true);
      node.textContent = t.text;
      text.append(node);
    }
    svg.append(text);
    fig.append(svg);
    return fig;
  }

  function render(state) {
    $('title').textContent = state.publication ? state.publication + ', ' + state.date + ' — preview (plant ' + state.plant.name + ')' : 'newsprint preview';
    document.title = $('title').textContent;
    const pages = $('pages');
    pages.replaceChildren(...state.pages.map((p) => pageFigure(p, state)));
    $('pages-list').replaceChildren(...state.pages.map((p) => { const li = el('li'); const a = el('a', { href: '#page-' + p.number }); a.textContent = 'Page ' + p.number + (p.section ? ': ' + p.section : ''); li.append(a); return li; }));
    $('warnings').replaceChildren(...(state.warnings.length ? state.warnings.map((w) => {
      const li = el('li', { class: w.severity });
      const b = el('button', { type: 'button' });
      b.textContent = (w.where ? w.where + ': ' : '') + w.severity + ': ' + w.message;
      b.addEventListener('click', () => {
        const target = w.page ? document.querySelector('#page-' + w.page + ' [data-article="' + CSS.escape(w.article || '') + '"]') : null;
        (target || (w.page ? $('page-' + w.page) : null))?.scrollIntoView({ block: 'center' });
        if (target) target.focus();
      });
      li.append(b);
      return li;
    }) : [Object.assign(el('li'), { textContent: 'None' })]));
    showError(state.error);
    $('status').textContent = 'Revision ' + state.revision + ' · ' + state.pages.length + ' pages · ' + state.warnings.length + ' warnings';
  }

  function showError(err) {
    $('error').hidden = !err;
    $('error-where').textContent = err && err.where ? err.where + ':' : '';
    $('error-message').textContent = err ? err.message : '';
  }

  async function refresh() {
    const r = await fetch('/state.json', { cache: 'no-store' });
    render(await r.json());
  }

  const events = new EventSource('/events');
  events.addEventListener('update', refresh);
  events.addEventListener('failed', (e) => showError(JSON.parse(e.data)));
  refresh();
})();
`;
