// Subset tags made from what a subset holds: the six capitals before "+" in an embedded font's name (BaseFont, FontName).
//
// A PDF names a font subset "ABCDEF+PostScriptName", and ISO 32000 asks that the tag differ for different subsets of
// one font. PDFKit 0.20 makes the tag from the font's resource name in the document (F1, F2…), so every file of an
// edition calls its first font "BZZZZZ+…" whatever glyphs that file's subset holds. A RIP or imposition system that
// caches fonts by name across the page files of one plate then draws a page with another page's glyphs.
//
// Here the tag is a digest of the subset as embedded: the font's PostScript name, the font program PDFKit writes (the
// glyphs, their outlines and their order, which is what the codes in content streams index) and the ToUnicode entries.
// The same subset gets the same tag in every file and every run (output stays byte-identical); two different subsets
// get the same tag only if 48-bit MD5 prefixes collide, about one chance in 3 × 10⁸ for any two of them.
import { md5 } from '@noble/hashes/legacy';
import { utf8ToBytes } from '@noble/hashes/utils';

/** The parts of PDFKit's embedded font (0.20) used here. */
interface SubsetFont {
  id: string;
  readonly font: { readonly postscriptName?: string | null };
  readonly subset?: { encode(): Uint8Array };
  readonly unicode: readonly (readonly number[] | undefined)[];
  readonly dictionary?: { readonly data: Record<string, unknown> };
  embed(): unknown;
}

/** The parts of PDFKit's document (0.20) used here: its fonts by the names they were selected under. */
export interface TagDoc {
  readonly _fontFamilies: Record<string, unknown>;
}

/** Letters in a tag: ISO 32000-1 §9.6.4 asks for six upper-case letters. */
const TAG_LENGTH = 6;

/**
 * The subset tag for a subset of `name` whose font program is `program` and whose glyphs stand for `unicode`
 * (per subset glyph id, as in the ToUnicode CMap): the first six bytes of their MD5 read as one 48-bit number, in
 * base 26 with A for 0.
 */
export function subsetTag(name: string, program: Uint8Array, unicode: readonly (readonly number[] | undefined)[]): string {
  const text = utf8ToBytes(`${name}\u0000${unicode.map((cps) => (cps ?? []).join(',')).join(';')}\u0000`);
  const input = new Uint8Array(text.length + program.length);
  input.set(text);
  input.set(program, text.length);
  const digest = md5(input);
  // Six bytes make 48 bits: exact in a double, and 2⁴⁸ is about 900 times 26⁶, so the letters are near uniform.
  let n = 0;
  for (let i = 0; i < 6; i++) n = n * 256 + digest[i]!;
  let tag = '';
  for (let i = 0; i < TAG_LENGTH; i++) {
    tag += String.fromCharCode(65 + (n % 26));
    n = Math.floor(n / 26);
  }
  return tag;
}

/**
 * PDFKit 0.20 spells the tag from characters 1 to 6 of the font's resource id, each code plus 17
 * (`lib/font/embedded.js`); this is the id that spells `tag` that way ("F" first, as PDFKit's own ids start).
 */
const idSpelling = (tag: string): string => 'F' + [...tag].map((c) => String.fromCharCode(c.charCodeAt(0) - 17)).join('');

/**
 * Makes every embedded font of `doc` name its subset by `subsetTag` when the document ends. Call just before
 * `doc.end()`, after the last glyph is drawn. PDFKit encodes the font program first and reads the tag from the id
 * after, so the id is set to spell the tag once the program is known and put back as soon as the font is written
 * (the pages, which name the font by its id, are written before the fonts). If PDFKit ever names subsets another
 * way, the check after writing throws rather than letting a file out with a tag we did not choose.
 */
export function tagSubsets(doc: TagDoc): void {
  const fonts = new Set(Object.values(doc._fontFamilies) as SubsetFont[]);
  for (const font of fonts) {
    const subset = font.subset;
    // Only embedded fonts have subsets (the standard 14 are never selected here, but need no tag).
    if (!subset) continue;
    let tag = '';
    const encode = subset.encode.bind(subset);
    subset.encode = () => {
      const program = encode();
      tag = subsetTag(font.font.postscriptName ?? '', program, font.unicode);
      font.id = idSpelling(tag);
      return program;
    };
    const embed = font.embed.bind(font);
    const id = font.id;
    font.embed = () => {
      try {
        embed();
      } finally {
        font.id = id;
      }
      const name = font.dictionary?.data['BaseFont'];
      if (!tag || !(typeof name === 'string' && name.startsWith(`${tag}+`))) throw new Error(`PDFKit named subset ${String(name)}, not ${tag || '(no tag)'}+…`);
    };
  }
}
