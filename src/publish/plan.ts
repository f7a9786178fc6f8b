// The flatplan as editors read it: a table of the pages (stories in priority order, adverts booked, jumps), and the
// overview they pin on the wall — every page composed and drawn small, story and advert zones outlined and named.
import type { Edition, EditionLayout, FontSet, ImageSet, Page, PageComposition } from '../core/index.js';
import { rasterisePage } from '../export/raster/index.js';

/** The flatplan as text: a line a page with its section, template, stories (→ where each continues) and adverts. */
export function flatplanTable(edition: Edition): string {
  const rows = edition.pages.map((p, i) => {
    const stories = p.stories.map((id) => (p.continueOn?.[id] ? `${id} → p${p.continueOn[id]}` : id)).join(', ') || '—';
    const ads = (p.ads ?? []).map((a) => `${a.file.replace(/^.*[\\/]/, '')} ${a.size}${a.position !== 'foot' ? ` (${a.position})` : ''}`).join(', ') || '—';
    return [String(i + 1), p.section ?? '', p.template, stories, ads];
  });
  const head = ['page', 'section', 'template', 'stories (priority order)', 'adverts'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((x, c) => x.padEnd(widths[c]!)).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Thumbnail width of a page in the overview, pixels; pages side by side, PER_ROW to a row. */
const THUMB = 240;
const PER_ROW = 4;
const GAP = 24;
const LABEL = 22;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Zones of a page, outlined over its thumbnail: stories (blue, by id), adverts (red, by name) and filler (amber). */
function zonesSvg(page: Page, scale: number, fillers: NonNullable<PageComposition['fillers']> = []): string {
  const out: string[] = [];
  for (const f of fillers) {
    const [x, y, w, h] = [f.x * scale, f.y * scale, f.w * scale, f.h * scale];
    out.push(`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="#e8a317" fill-opacity="0.35" stroke="#b8860b" stroke-width="2" stroke-dasharray="5 3"/>`);
    out.push(`<text x="${(x + 3).toFixed(1)}" y="${(y + 12).toFixed(1)}" font-family="sans-serif" font-size="10" font-weight="bold" fill="#8a6100" stroke="#fff" stroke-width="3" paint-order="stroke">FILLER</text>`);
  }
  for (const item of page.frame.items) {
    if (item.kind !== 'anchor' && item.kind !== 'advert') continue;
    const colour = item.kind === 'anchor' ? '#1f5fbf' : '#c8102e';
    const name = item.kind === 'anchor' ? item.article : `AD ${item.name}`;
    const [x, y, w, h] = [item.x * scale, item.y * scale, item.w * scale, item.h * scale];
    out.push(`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="${colour}" fill-opacity="0.08" stroke="${colour}" stroke-width="2"/>`);
    out.push(`<text x="${(x + 3).toFixed(1)}" y="${(y + 12).toFixed(1)}" font-family="sans-serif" font-size="10" font-weight="bold" fill="${colour}" stroke="#fff" stroke-width="3" paint-order="stroke">${esc(name.slice(0, 28))}</text>`);
  }
  return out.join('');
}

/**
 * The edition overview: every page drawn at THUMB pixels wide from its frames (the same renderer as the e-edition),
 * its zones outlined and named, its number and section under it; a PNG.
 */
export async function overviewPng(edition: Edition, layout: EditionLayout, fonts: FontSet, images: ImageSet): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const pages = layout.pages;
  const first = pages[0]!;
  const scale = THUMB / first.width;
  const th = Math.round(first.height * scale);
  const cols = Math.min(PER_ROW, pages.length);
  const rows = Math.ceil(pages.length / PER_ROW);
  const width = GAP + cols * (THUMB + GAP);
  const height = GAP + rows * (th + LABEL + GAP) + LABEL;
  const composite: { input: Buffer; left: number; top: number }[] = [];
  for (const [i, page] of pages.entries()) {
    const left = GAP + (i % PER_ROW) * (THUMB + GAP);
    const top = GAP + LABEL + Math.floor(i / PER_ROW) * (th + LABEL + GAP);
    const px = await rasterisePage(page, fonts, images, scale * 72 * 2);
    const image = await sharp(px.pixels, { raw: { width: px.width, height: px.height, channels: 3 } }).resize(THUMB, th).png().toBuffer();
    const overlay = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${THUMB}" height="${th}"><rect x="0.5" y="0.5" width="${THUMB - 1}" height="${th - 1}" fill="none" stroke="#666"/>${zonesSvg(page, scale, layout.compositions?.find((c) => c.page === page.number)?.fillers)}</svg>`);
    composite.push({ input: image, left, top }, { input: overlay, left, top });
    const label = `${page.number}${page.section ? ` · ${page.section}` : ''}`;
    composite.push({ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${THUMB}" height="${LABEL}"><text x="0" y="16" font-family="sans-serif" font-size="14" font-weight="bold" fill="#222">${esc(label)}</text></svg>`), left, top: top - LABEL });
  }
  const title = `${edition.publication.name} · ${edition.date} · ${pages.length} pages — stories in blue, adverts in red, filler in amber`;
  composite.push({ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${LABEL}"><text x="${GAP}" y="16" font-family="sans-serif" font-size="14" fill="#222">${esc(title)}</text></svg>`), left: 0, top: height - LABEL - 4 });
  return sharp({ create: { width, height, channels: 3, background: '#e8e6e1' } }).composite(composite).png().toBuffer();
}
