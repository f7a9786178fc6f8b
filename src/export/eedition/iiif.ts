// The IIIF Presentation API 3.0 manifest of an e-edition: a canvas a page in print order, a range an article.
import type { EEditionManifest, ManifestPage } from './manifest.js';

const LANG = 'en-GB';
const label = (s: string) => ({ [LANG]: [s] });

/**
 * Builds iiif/manifest.json from the e-edition manifest. Ids are absolute, under `m.baseUrl` (viewers such as
 * Mirador resolve relative ids against their own page). Each canvas is the page's zoom image in pixels, painted
 * with `full/max` of its level-0 tile service and given a static thumbnail; each article is a range of
 * `#xywh=` boxes, one per region, spanning canvases when the story continues on another page. `navDate` is the
 * edition date.
 */
export function iiifManifest(m: EEditionManifest): object {
  const base = m.baseUrl;
  const canvasId = (n: number) => `${base}iiif/canvas/p${n}`;
  const canvas = (p: ManifestPage) => {
    const thumb = p.renditions.thumbnail.find((r) => r.format === 'jpeg') ?? p.renditions.thumbnail[0]!;
    return {
      id: canvasId(p.number),
      type: 'Canvas',
      label: label(p.label),
      width: p.tiles.width,
      height: p.tiles.height,
      thumbnail: [{ id: base + thumb.file, type: 'Image', format: mime(thumb.format), width: thumb.width, height: thumb.height }],
      items: [
        {
          id: `${canvasId(p.number)}/page`,
          type: 'AnnotationPage',
          items: [
            {
              id: `${canvasId(p.number)}/page/image`,
              type: 'Annotation',
              motivation: 'painting',
              target: canvasId(p.number),
              body: {
                id: `${p.tiles.id}/full/max/0/default.jpg`,
                type: 'Image',
                format: 'image/jpeg',
                width: p.tiles.width,
                height: p.tiles.height,
                service: [{ id: p.tiles.id, type: 'ImageService3', profile: 'level0' }],
              },
            },
          ],
        },
      ],
    };
  };
  const pages = new Map(m.pages.map((p) => [p.number, p]));
  const first = m.pages[0];
  const firstThumb = first?.renditions.thumbnail.find((r) => r.format === 'jpeg');
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${base}${m.iiif}`,
    type: 'Manifest',
    label: label(`${m.edition.publication}, ${m.edition.dateLong}`),
    summary: label(`${m.pages.length} pages${m.edition.issue !== null ? `, issue ${m.edition.issue}` : ''}: ${m.articles.map((a) => a.headline).join(' · ')}`),
    metadata: [
      { label: label('Publication'), value: label(m.edition.publication) },
      { label: label('Date'), value: label(m.edition.dateLong) },
      ...(m.edition.issue !== null ? [{ label: label('Issue'), value: label(String(m.edition.issue)) }] : []),
    ],
    navDate: `${m.edition.date}T00:00:00Z`,
    behavior: ['paged'],
    viewingDirection: 'left-to-right',
    ...(firstThumb ? { thumbnail: [{ id: base + firstThumb.file, type: 'Image', format: 'image/jpeg', width: firstThumb.width, height: firstThumb.height }] } : {}),
    rendering: [{ id: `${base}index.html`, type: 'Text', label: label('The e-edition viewer'), format: 'text/html' }],
    items: m.pages.map(canvas),
    structures: m.articles.map((a) => ({
      id: `${base}iiif/range/${encodeURIComponent(a.id)}`,
      type: 'Range',
      label: label(a.headline),
      rendering: [{ id: base + a.view, type: 'Text', label: label('Read the article'), format: 'text/html' }],
      items: a.regions.map((r) => {
        const p = pages.get(r.page)!;
        const k = p.tiles.width / p.width;
        const box = [r.x, r.y, r.w, r.h].map((v) => Math.round(v * k));
        return { id: `${canvasId(r.page)}#xywh=${box.join(',')}`, type: 'Canvas' };
      }),
    })),
  };
}

const mime = (f: 'jpeg' | 'webp') => (f === 'jpeg' ? 'image/jpeg' : 'image/webp');
