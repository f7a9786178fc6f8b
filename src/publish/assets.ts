// Loads what layout and export need before they run: font faces named by the style sheet, and the photos the pages place.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import type { FontFace, FontSet, ImageAsset, ImageSet, Span, StyleSheet } from '../core/index.js';
import { fail } from '../core/index.js';

/** Opens every face the style sheet names, from the fonts folder. A missing or unreadable font file is the style sheet's error. */
export function loadFonts(sheet: StyleSheet, fontsDir: string): FontSet {
  const where: Span = { file: sheet.file, line: 1, col: 1 };
  return new Map(
    Object.entries(sheet.faces).map(([id, rel]) => {
      const file = join(fontsDir, rel);
      if (!existsSync(file)) fail('fonts/missing', `font file for face “${id}” not found: ${file}`, where, ['fonts live in the fonts/ folder of newsprint; check the faces in the style sheet']);
      return [id, { id, file, font: openFont(file, (why) => fail('fonts/unreadable', `font file for face “${id}” cannot be read: ${file}: ${why}`, where), true) }];
    }),
  );
}

/**
 * Fonts opened in this process, by file, with the modification time they were read at: a long-running process (the
 * preview) that lays the edition out again gets the same font objects, and with them the words already shaped.
 */
const opened = new Map<string, { mtimeMs: number; font: fontkit.Font }>();

/**
 * Opens one TrueType/OpenType file with fontkit; `bad` reports why it cannot be used. With `reuse`, a file already
 * opened and unchanged since gives the same font object.
 */
function openFont(file: string, bad: (why: string) => never, reuse = false): fontkit.Font {
  try {
    const mtimeMs = statSync(file).mtimeMs;
    const known = opened.get(file);
    if (reuse && known && known.mtimeMs === mtimeMs) return known.font;
    const font = fontkit.create(readFileSync(file));
    if (!('layout' in font)) return bad('a font collection, not a single font');
    opened.set(file, { mtimeMs, font: font as fontkit.Font });
    return font as fontkit.Font;
  } catch (e) {
    if ((e as Error).name === 'UserError') throw e;
    return bad((e as Error).message);
  }
}

/** Opens one font file given by the user (`galley --font`) as face `id`, afresh. */
export function loadFontFile(file: string, id: string): FontFace {
  const where: Span = { file, line: 1, col: 1 };
  if (!existsSync(file)) fail('fonts/missing', `font file not found: ${file}`, where);
  return { id, file, font: openFont(file, (why) => fail('fonts/unreadable', `not a font file newsprint can read (TrueType or OpenType): ${why}`, where)) };
}

/** A photo a page places, with where the copy asked for it. */
export interface ImageRequest {
  readonly file: string;
  readonly src: Span;
}

/** JPEG quality for photos that must be re-encoded (rotated, or neither JPEG nor PNG); others keep their bytes. */
const JPEG_QUALITY = 90;

/**
 * Photos decoded whole in this process, by file, with the modification time and size they were checked at: a
 * long-running process (the preview) that loads the edition again does not decode an unchanged photo again.
 */
const decoded = new Map<string, { mtimeMs: number; size: number }>();

/**
 * Decodes each photo once with sharp: applies EXIF orientation and keeps JPEG or
 * PNG bytes PDFKit can embed. A missing, corrupt (truncated) or unsupported file is
 * an error at the article line, or template element, that placed it; each asset
 * keeps that place (`src`) for what the exporters find later.
 */
export async function loadImages(requests: readonly ImageRequest[]): Promise<ImageSet> {
  const set = new Map<string, ImageAsset>();
  // Loaded when a page has photos: commands without them (galley) start faster.
  const { default: sharp } = await import('sharp');
  for (const req of requests) {
    if (set.has(req.file)) continue;
    if (!existsSync(req.file)) fail('image/missing', `photo not found: ${req.file}`, req.src);
    try {
      const input = readFileSync(req.file);
      const meta = await sharp(input).metadata();
      // Every pixel decoded once, so a truncated or corrupt photo is refused here, at the copy line that placed it,
      // and not later by an exporter that no longer knows it (failOn as the print rendition's: truncation, not warnings).
      const { mtimeMs, size } = statSync(req.file);
      const known = decoded.get(req.file);
      if (!known || known.mtimeMs !== mtimeMs || known.size !== size) {
        await sharp(input, { failOn: 'truncated' }).raw().toBuffer();
        decoded.set(req.file, { mtimeMs, size });
      }
      const rotated = (meta.orientation ?? 1) !== 1;
      const keep = !rotated && (meta.format === 'jpeg' || meta.format === 'png') && (meta.channels ?? 3) <= 4;
      const data = keep ? input : await sharp(input).rotate().jpeg({ quality: JPEG_QUALITY }).toBuffer();
      const info = keep ? meta : await sharp(data).metadata();
      set.set(req.file, {
        id: req.file,
        file: req.file,
        widthPx: info.width!,
        heightPx: info.height!,
        data,
        format: keep ? (meta.format as 'jpeg' | 'png') : 'jpeg',
        src: req.src,
      });
    } catch (e) {
      if ((e as Error).name === 'UserError') throw e;
      fail('image/unreadable', `photo cannot be read: ${req.file}: ${(e as Error).message}`, req.src);
    }
  }
  return set;
}
