// The article view of the e-edition: one static, accessible HTML page per story (articles/<id>.html), text first.
import { longDate } from '../../core/index.js';
import type { ArticleBlock, ArticleImage, EEditionManifest, ManifestArticle, TextRun } from './manifest.js';

/** Escapes text for HTML character data and double-quoted attribute values. */
export function htmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Web and e-mail addresses in running text: a scheme of http or https, a `www.` host, or `name@host.tld`. The
 * address is taken to the next space; punctuation that closes a sentence or a bracket after it is not part of it.
 */
const ADDRESS = /(?:https?:\/\/|www\.)[^\s<>"]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/giu;
const CLOSING = /[.,;:!?)\]’”'"]+$/u;

/**
 * Text with its addresses as links, all escaped. An address the print page broke over lines is one address here:
 * the e-edition's text comes from the copy, not from the set lines. Only http, https and mailto links are made.
 */
export function linkedHtml(text: string): string {
  let out = '';
  let from = 0;
  for (const m of text.matchAll(ADDRESS)) {
    const address = m[0].replace(CLOSING, '');
    if (address.length === 0) continue;
    const href = address.includes('@') && !/^(?:https?:\/\/|www\.)/iu.test(address) ? `mailto:${address}` : /^www\./iu.test(address) ? `https://${address}` : address;
    out += htmlEscape(text.slice(from, m.index)) + `<a href="${htmlEscape(href)}">${htmlEscape(address)}</a>`;
    from = m.index + address.length;
  }
  return out + htmlEscape(text.slice(from));
}

/** Inline runs as HTML: italic as `<em>`, bold as `<strong>`, addresses as links, all text escaped. */
function runsHtml(runs: readonly TextRun[]): string {
  return runs
    .map((r) => {
      let t = linkedHtml(r.text);
      if (r.italic) t = `<em>${t}</em>`;
      if (r.bold) t = `<strong>${t}</strong>`;
      return t;
    })
    .join('');
}

/** A photo as a figure: the image with its alt text, then caption and credit. `up` leads back to the e-edition folder. */
function figureHtml(img: ArticleImage, up: string, lead: boolean): string {
  const caption = [img.caption ? `<span class="caption">${htmlEscape(img.caption)}</span>` : '', img.credit ? `<span class="credit">${htmlEscape(img.credit)}</span>` : '']
    .filter((s) => s !== '')
    .join(' ');
  // The lead photo is in view on arrival; later photos load as the reader reaches them.
  const loading = lead ? '' : ' loading="lazy"';
  return [
    `<figure${lead ? ' class="lead"' : ''}>`,
    `<img src="${htmlEscape(up + img.file)}" width="${img.width}" height="${img.height}" alt="${htmlEscape(img.alt)}"${loading}>`,
    caption ? `<figcaption>${caption}</figcaption>` : '',
    '</figure>',
  ]
    .filter((s) => s !== '')
    .join('\n');
}

/** One body block as HTML; an image block refers to the article's images by index. */
function blockHtml(b: ArticleBlock, a: ManifestArticle, up: string): string {
  switch (b.type) {
    case 'p':
      return `<p>${runsHtml(b.runs)}</p>`;
    case 'crosshead':
      return `<h2>${runsHtml(b.runs)}</h2>`;
    case 'quote':
      return `<blockquote><p>${runsHtml(b.runs)}</p></blockquote>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>\n${b.items.map((item) => `<li>${runsHtml(item)}</li>`).join('\n')}\n</${tag}>`;
    }
    case 'image': {
      const img = a.images[b.image];
      return img ? figureHtml(img, up, false) : '';
    }
  }
}

/** Whether the lead photo (images[0]) is shown above the text: it is, unless a body block already shows it. */
function hasLeadPhoto(a: ManifestArticle): boolean {
  return a.images.length > 0 && !a.blocks.some((b) => b.type === 'image' && b.image === 0);
}

/**
 * The article view (`articles/<id>.html`): kicker, headline, standfirst, byline, date, then the story's paragraphs,
 * crossheads, quotes, lists and photos (with their alt text, captions and credits), and links back to the viewer at
 * each page the story is on and to that page's image. Static HTML in British English, styled by
 * `viewer/article.css` for phones and large text; every text from the manifest is escaped.
 */
export function articlePage(m: EEditionManifest, a: ManifestArticle): string {
  // Paths in the manifest are relative to the e-edition folder; the view sits `depth` folders below it.
  const depth = a.view.split('/').length - 1;
  const up = '../'.repeat(depth);
  const date = a.date ? longDate(a.date) : null;
  const byline = a.byline
    ? `<p class="byline">By <span class="name">${htmlEscape(a.byline.name)}</span>${a.byline.role ? `, <span class="role">${htmlEscape(a.byline.role)}</span>` : ''}</p>`
    : '';
  const pages = a.pages.map((n) => {
    const page = m.pages.find((p) => p.number === n);
    const image = page?.renditions.page.find((r) => r.format === 'jpeg') ?? page?.renditions.page[0];
    const label = htmlEscape(page?.label ?? `Page ${n}`);
    const imageLink = image ? ` · <a href="${htmlEscape(up + image.file)}">page image</a>` : '';
    return `<li><a href="${up}index.html#page=${n}">${label} in the e-edition</a>${imageLink}</li>`;
  });
  const title = `${a.headline} | ${m.edition.publication}, ${m.edition.dateLong}`;
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlEscape(title)}</title>
<link rel="stylesheet" href="${up}viewer/article.css">
</head>
<body>
<header class="edition">
<p><a href="${up}index.html#article=${encodeURIComponent(a.id)}">${htmlEscape(m.edition.publication)}</a> · <span>${htmlEscape(m.edition.dateLong)}</span></p>
</header>
<main>
<article>
<header>
${a.kicker ? `<p class="kicker">${htmlEscape(a.kicker)}</p>\n` : ''}<h1>${htmlEscape(a.headline)}</h1>
${a.standfirst ? `<p class="standfirst">${htmlEscape(a.standfirst)}</p>\n` : ''}${byline}
${date ? `<p class="date"><time datetime="${htmlEscape(a.date ?? '')}">${htmlEscape(date)}</time></p>` : ''}
</header>
${hasLeadPhoto(a) ? figureHtml(a.images[0]!, up, true) + '\n' : ''}${a.blocks.map((b) => blockHtml(b, a, up)).filter((s) => s !== '').join('\n')}
</article>
<nav aria-label="In the printed edition">
<h2>In the printed edition</h2>
<ul>
${pages.join('\n')}
</ul>
</nav>
</main>
</body>
</html>
`;
}
