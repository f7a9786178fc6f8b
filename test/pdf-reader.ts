// Reads PDFs back with pdf.js (a real parser, not our writer): text in content order, fonts, structure tree.
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  readonly str: string;
  readonly x: number;
  /** Baseline, PDF user space (y up). */
  readonly y: number;
  readonly fontName: string;
  readonly height: number;
  /** Advance width of the item, points. */
  readonly width: number;
}

export interface ReadPdf {
  readonly pages: number;
  readonly sizes: { width: number; height: number }[];
  readonly text: PdfText[][];
  /** Embedded-or-not for every font used, by name. */
  readonly fonts: { name: string; embedded: boolean }[];
  readonly structure: unknown[];
  readonly info: Record<string, unknown>;
}

export async function readPdf(file: string): Promise<ReadPdf> {
  const data = new Uint8Array(readFileSync(file));
  const doc = await getDocument({ data, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const text: PdfText[][] = [];
  const sizes: { width: number; height: number }[] = [];
  const fonts = new Map<string, boolean>();
  const structure: unknown[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , w, h] = page.view;
    sizes.push({ width: w!, height: h! });
    const tc = await page.getTextContent();
    text.push(
      tc.items
        .filter((i): i is Extract<(typeof tc.items)[number], { str: string }> => 'str' in i)
        .map((i) => ({ str: i.str, x: i.transform[4] as number, y: i.transform[5] as number, fontName: i.fontName, height: i.height, width: i.width })),
    );
    await page.getOperatorList();
    for (const id of new Set(tc.items.filter((i) => 'fontName' in i).map((i) => (i as { fontName: string }).fontName))) {
      const font = page.commonObjs.get(id) as { name: string; missingFile: boolean };
      fonts.set(font.name, !font.missingFile);
    }
    structure.push(await page.getStructTree());
  }
  const meta = await doc.getMetadata();
  await doc.destroy();
  return { pages: doc.numPages, sizes, text, fonts: [...fonts].map(([name, embedded]) => ({ name, embedded })), structure, info: meta.info as Record<string, unknown> };
}

/** The words of a page in content order (pdf.js items split on white space). */
export function words(items: readonly PdfText[]): string[] {
  return items.flatMap((i) => i.str.split(/\s+/)).filter(Boolean);
}

/** Roles of a structure tree, depth first. */
export function roles(node: unknown): string[] {
  const n = node as { role?: string; children?: unknown[] } | null;
  if (!n) return [];
  return (n.role ? [n.role] : []).concat((n.children ?? []).flatMap(roles));
}
