// The content-stream interpreter of the preflight: walks a page (and its forms) with the graphics state, and records what the plant cares about.
import { PDFDict, PDFRawStream } from '@cantoo/pdf-lib';
import { colourSpace, DEVICE_CMYK, DEVICE_GRAY, DEVICE_RGB, type ColourSpace, type Ink } from './colour.js';
import { fontInfo, type FontInfo } from './fonts.js';
import { Name, operations, type InlineImage, type Operand, type Operation } from './lexer.js';
import { boxOf, IDENTITY, intersect, mappedBox, matrixOf, minimumScale, multiply, topLeft, transform, verticalScale, type Box, type Matrix, type Point } from './matrix.js';
import { boolOf, dictOf, entry, itemsOf, nameOf, numberOf, numbersOf, streamOf } from './objects.js';
import { streamBytes } from './streams.js';

/** Text shown with one show operator: its effective size and colour, where it starts, whether it overprints. */
export interface TextUse {
  readonly at: Point;
  /** Effective type size, points on the page. */
  readonly size: number;
  readonly space: ColourSpace;
  readonly ink: Ink | undefined;
  /** The fill overprints (ExtGState /op true, or /OP when /op is absent). */
  readonly overprint: boolean;
  /** Invisible text (render mode 3, as OCR layers use) is not ink. */
  readonly visible: boolean;
  readonly font: FontInfo;
}

/** A filled or stroked path: its colour and, for strokes, the effective line width. */
export interface PaintUse {
  /** The top-left of the path's box on the page (its points and curves' control points). */
  readonly at: Point;
  readonly kind: 'fill' | 'stroke';
  readonly space: ColourSpace;
  readonly ink: Ink | undefined;
  /** Effective line width of a stroke, points (thinnest direction). */
  readonly lineWidth?: number;
}

/** An image placed on the page: its stream (or inline data), its transformation and its colour space. */
export interface ImageUse {
  /** The top-left of the image's box on the page. */
  readonly at: Point;
  /** The box the image covers on the page (its unit square mapped by `ctm`). */
  readonly box: Box;
  readonly ctm: Matrix;
  readonly stream?: PDFRawStream;
  readonly inline?: InlineImage;
  readonly space: ColourSpace | undefined;
  /** A stencil mask (/ImageMask true) paints the fill colour: no colour space of its own. */
  readonly mask: boolean;
  /** Its /SMask, which is transparency. */
  readonly softMask: boolean;
}

/** A colour space or graphics state that breaks a plant rule, met where something is painted with it. */
export interface StateUse {
  /** The top-left of what is painted with it: a path's, image's, shading's or form's box, or where text starts. */
  readonly at: Point;
  readonly what: string;
}

export interface PageUses {
  readonly texts: TextUse[];
  readonly paints: PaintUse[];
  readonly images: ImageUse[];
  /** RGB, calibrated RGB or Lab colour spaces painted with (paths, text, shadings, images, stencil masks). */
  readonly rgb: StateUse[];
  /** Transparency painted with: soft masks, constant alpha below 1, blend modes other than Normal; transparency groups. */
  readonly transparency: StateUse[];
  /** Every font shown, by its resource dictionary. */
  readonly fonts: Map<PDFDict, FontInfo>;
}

interface State {
  ctm: Matrix;
  fillSpace: ColourSpace;
  fill: number[];
  strokeSpace: ColourSpace;
  stroke: number[];
  lineWidth: number;
  opFill: boolean;
  opStroke: boolean;
  /** Constant alpha of fills (ExtGState /ca) and strokes (/CA), 0–1. */
  fillAlpha: number;
  strokeAlpha: number;
  /** An ExtGState soft mask other than /None is in force. */
  softMask: boolean;
  /** An ExtGState blend mode other than Normal or Compatible, by name. */
  blend?: string;
  /** The box the clipping path allows painting in, page space; undefined is the whole page. */
  clip?: Box;
  font?: FontInfo;
  fontDict?: PDFDict;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hscale: number;
  leading: number;
  rise: number;
  render: number;
}

const fresh = (ctm: Matrix): State => ({
  ctm, fillSpace: DEVICE_GRAY, fill: [0], strokeSpace: DEVICE_GRAY, stroke: [0], lineWidth: 1, opFill: false, opStroke: false,
  fillAlpha: 1, strokeAlpha: 1, softMask: false,
  fontSize: 0, charSpacing: 0, wordSpacing: 0, hscale: 1, leading: 0, rise: 0, render: 0,
});

const num = (o: Operand | undefined): number => (typeof o === 'number' ? o : 0);
const nums = (args: readonly Operand[]): number[] => args.filter((a): a is number => typeof a === 'number');

/** Interprets a page's content (PDF 32000-1 §8–9), forms included, from its resources and a starting matrix. */
export function interpretPage(contents: Uint8Array, resources: PDFDict | undefined, ctm: Matrix = IDENTITY): PageUses {
  const uses: PageUses = { texts: [], paints: [], images: [], rgb: [], transparency: [], fonts: new Map() };
  run(operations(contents), resources, fresh(ctm), uses, new Set());
  return uses;
}

/** The operations of each form XObject, read once however often the form is placed (an advert on many pages). */
const formOperations = new WeakMap<PDFRawStream, readonly Operation[]>();
function operationsOf(form: PDFRawStream): readonly Operation[] {
  let ops = formOperations.get(form);
  if (!ops) formOperations.set(form, (ops = [...operations(streamBytes(form))]));
  return ops;
}

function run(ops: Iterable<Operation>, resources: PDFDict | undefined, start: State, uses: PageUses, forms: Set<PDFRawStream>): void {
  const stack: State[] = [];
  let gs = { ...start };
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  // The current path's points on the page (§8.5.2), and whether it will clip once painted or ended (W, W*).
  let path: Point[] = [];
  let clipping = false;
  const here = (p: Point = { x: 0, y: 0 }) => transform(gs.ctm, p.x, p.y);
  const addPoints = (args: readonly Operand[]) => {
    const n = nums(args);
    for (let i = 0; i + 1 < n.length; i += 2) path.push(here({ x: n[i]!, y: n[i + 1]! }));
  };
  const endPath = () => {
    const box = boxOf(path);
    if (clipping && box) gs.clip = (gs.clip ? intersect(gs.clip, box) : box) ?? { x0: box.x0, y0: box.y0, x1: box.x0, y1: box.y0 };
    path = [];
    clipping = false;
  };
  const noteRgb = (space: ColourSpace, at: Point) => {
    if (space.rgb) uses.rgb.push({ at, what: space.rgb.what });
  };
  // The graphics state's transparency, met where something is painted with it (§11.6.3–11.6.5).
  const noteTransparency = (kind: 'fill' | 'stroke', at: Point) => {
    const alpha = kind === 'fill' ? gs.fillAlpha : gs.strokeAlpha;
    if (alpha < 1) uses.transparency.push({ at, what: `${kind} opacity ${Math.round(alpha * 100)} %` });
    if (gs.softMask) uses.transparency.push({ at, what: 'a soft mask (SMask) in the graphics state' });
    if (gs.blend) uses.transparency.push({ at, what: `blend mode ${gs.blend}` });
  };
  const paint = (kind: 'fill' | 'stroke') => {
    const space = kind === 'fill' ? gs.fillSpace : gs.strokeSpace;
    const values = kind === 'fill' ? gs.fill : gs.stroke;
    const box = boxOf(path);
    const at = box ? topLeft(box) : here();
    noteRgb(space, at);
    noteTransparency(kind, at);
    uses.paints.push({ at, kind, space, ink: space.ink(values), ...(kind === 'stroke' ? { lineWidth: gs.lineWidth * minimumScale(gs.ctm) } : {}) });
  };
  const show = (strings: (Uint8Array | number)[]) => {
    const font = gs.font;
    if (!font) return;
    const trm = multiply(multiply([gs.fontSize * gs.hscale, 0, 0, gs.fontSize, 0, gs.rise], tm), gs.ctm);
    const at = transform(trm, 0, 0);
    const size = Math.abs(gs.fontSize) * verticalScale(tm) * verticalScale(gs.ctm) * font.sizeFactor;
    if (gs.fontDict) uses.fonts.set(gs.fontDict, font);
    // Render modes 0–2 and 4–6 paint (§9.3.6): 0, 2, 4, 6 fill, 1, 2, 5, 6 stroke.
    if ([0, 2, 4, 6].includes(gs.render)) {
      noteRgb(gs.fillSpace, at);
      noteTransparency('fill', at);
    }
    if ([1, 2, 5, 6].includes(gs.render)) {
      noteRgb(gs.strokeSpace, at);
      noteTransparency('stroke', at);
    }
    uses.texts.push({ at, size, space: gs.fillSpace, ink: gs.fillSpace.ink(gs.fill), overprint: gs.opFill, visible: gs.render !== 3 && gs.render !== 7, font });
    // Advance the text matrix past the glyphs (§9.4.4), so the next show starts where this one ended.
    let tx = 0;
    for (const s of strings) {
      if (typeof s === 'number') {
        tx -= (s / 1000) * gs.fontSize * gs.hscale;
        continue;
      }
      for (let i = 0; i + font.codeBytes <= s.length; i += font.codeBytes) {
        const code = font.codeBytes === 2 ? (s[i]! << 8) | s[i + 1]! : s[i]!;
        const space = font.codeBytes === 1 && code === 32 ? gs.wordSpacing : 0;
        tx += (font.advance(code) * gs.fontSize + gs.charSpacing + space) * gs.hscale;
      }
    }
    tm = multiply([1, 0, 0, 1, tx, 0], tm);
  };
  const setFontResource = (name: string, size: number) => {
    const dict = dictOf(entry(dictOf(entry(resources, 'Font')), name));
    gs.fontSize = size;
    if (dict) {
      gs.fontDict = dict;
      gs.font = fontInfo(dict);
    }
  };
  const extGState = (name: string) => {
    const d = dictOf(entry(dictOf(entry(resources, 'ExtGState')), name));
    if (!d) return;
    const op = boolOf(entry(d, 'op'));
    const OP = boolOf(entry(d, 'OP'));
    if (OP !== undefined) {
      gs.opStroke = OP;
      gs.opFill = op ?? OP;
    } else if (op !== undefined) gs.opFill = op;
    const lw = numberOf(entry(d, 'LW'));
    if (lw !== undefined) gs.lineWidth = lw;
    // Transparency is in force from here, and reported where something is painted with it.
    const CA = numberOf(entry(d, 'CA'));
    if (CA !== undefined) gs.strokeAlpha = CA;
    const ca = numberOf(entry(d, 'ca'));
    if (ca !== undefined) gs.fillAlpha = ca;
    const sm = entry(d, 'SMask');
    if (sm !== undefined) gs.softMask = nameOf(sm) !== 'None';
    const bmEntry = entry(d, 'BM');
    const bm = nameOf(bmEntry) ?? nameOf(itemsOf(bmEntry)?.[0]);
    if (bmEntry !== undefined) gs.blend = bm && bm !== 'Normal' && bm !== 'Compatible' ? bm : undefined;
    const font = entry(d, 'Font');
    if (font) {
      // [font size]
      const [fontObj, sizeObj] = itemsOf(font) ?? [];
      const fd = dictOf(fontObj);
      const fs = numberOf(sizeObj);
      if (fd) {
        gs.fontDict = fd;
        gs.font = fontInfo(fd);
      }
      if (fs !== undefined) gs.fontSize = fs;
    }
  };
  const image = (stream: PDFRawStream | undefined, inline: InlineImage | undefined) => {
    const box = mappedBox(gs.ctm, 0, 0, 1, 1);
    const at = topLeft(box);
    let space: ColourSpace | undefined;
    let mask = false;
    let softMask = false;
    if (stream) {
      mask = boolOf(entry(stream.dict, 'ImageMask')) === true;
      const cs = entry(stream.dict, 'ColorSpace');
      space = mask || cs === undefined ? undefined : colourSpace(cs, resources);
      const sm = entry(stream.dict, 'SMask');
      softMask = sm !== undefined || entry(stream.dict, 'SMaskInData') !== undefined && (numberOf(entry(stream.dict, 'SMaskInData')) ?? 0) > 0;
    } else if (inline) {
      const im = inline.dict.get('IM') ?? inline.dict.get('ImageMask');
      mask = im === true;
      const cs = inline.dict.get('CS') ?? inline.dict.get('ColorSpace');
      if (!mask && cs instanceof Name) space = colourSpace(inlineSpace(cs.name), resources);
    }
    if (space) noteRgb(space, at);
    if (softMask) uses.transparency.push({ at, what: 'an image with a soft mask (SMask)' });
    noteTransparency('fill', at);
    if (mask) {
      noteRgb(gs.fillSpace, at);
      uses.paints.push({ at, kind: 'fill', space: gs.fillSpace, ink: gs.fillSpace.ink(gs.fill) });
    }
    uses.images.push({ at, box, ctm: gs.ctm, ...(stream ? { stream } : {}), ...(inline ? { inline } : {}), space, mask, softMask });
  };

  for (const { op, args, inline } of ops) {
    switch (op) {
      case 'q': stack.push({ ...gs }); break;
      case 'Q': gs = stack.pop() ?? gs; break;
      case 'cm': gs.ctm = multiply(matrixOf(nums(args)) ?? IDENTITY, gs.ctm); break;
      case 'w': gs.lineWidth = num(args[0]); break;
      case 'gs': if (args[0] instanceof Name) extGState(args[0].name); break;
      case 'cs': case 'CS': {
        const space = args[0] instanceof Name ? colourSpace(args[0].name, resources) : DEVICE_GRAY;
        if (op === 'cs') { gs.fillSpace = space; gs.fill = [...space.initial]; } else { gs.strokeSpace = space; gs.stroke = [...space.initial]; }
        break;
      }
      case 'sc': case 'scn': gs.fill = nums(args); break;
      case 'SC': case 'SCN': gs.stroke = nums(args); break;
      case 'g': gs.fillSpace = DEVICE_GRAY; gs.fill = nums(args); break;
      case 'G': gs.strokeSpace = DEVICE_GRAY; gs.stroke = nums(args); break;
      case 'k': gs.fillSpace = DEVICE_CMYK; gs.fill = nums(args); break;
      case 'K': gs.strokeSpace = DEVICE_CMYK; gs.stroke = nums(args); break;
      case 'rg': gs.fillSpace = DEVICE_RGB; gs.fill = nums(args); break;
      case 'RG': gs.strokeSpace = DEVICE_RGB; gs.stroke = nums(args); break;
      case 'm': case 'l': case 'c': case 'v': case 'y': addPoints(args); break;
      case 're': {
        const [x, y, w, h] = [num(args[0]), num(args[1]), num(args[2]), num(args[3])];
        addPoints([x, y, x + w, y, x + w, y + h, x, y + h]);
        break;
      }
      case 'W': case 'W*': clipping = true; break;
      case 'f': case 'F': case 'f*': paint('fill'); endPath(); break;
      case 'S': case 's': paint('stroke'); endPath(); break;
      case 'B': case 'B*': case 'b': case 'b*': paint('fill'); paint('stroke'); endPath(); break;
      case 'n': endPath(); break;
      case 'BT': tm = IDENTITY; tlm = IDENTITY; break;
      case 'Tf': if (args[0] instanceof Name) setFontResource(args[0].name, num(args[1])); break;
      case 'Tc': gs.charSpacing = num(args[0]); break;
      case 'Tw': gs.wordSpacing = num(args[0]); break;
      case 'Tz': gs.hscale = num(args[0]) / 100; break;
      case 'TL': gs.leading = num(args[0]); break;
      case 'Ts': gs.rise = num(args[0]); break;
      case 'Tr': gs.render = num(args[0]); break;
      case 'Td': tlm = multiply([1, 0, 0, 1, num(args[0]), num(args[1])], tlm); tm = tlm; break;
      case 'TD': gs.leading = -num(args[1]); tlm = multiply([1, 0, 0, 1, num(args[0]), num(args[1])], tlm); tm = tlm; break;
      case 'Tm': tlm = matrixOf(nums(args)) ?? IDENTITY; tm = tlm; break;
      case 'T*': tlm = multiply([1, 0, 0, 1, 0, -gs.leading], tlm); tm = tlm; break;
      case 'Tj': if (args[0] instanceof Uint8Array) show([args[0]]); break;
      case 'TJ': if (Array.isArray(args[0])) show(args[0].filter((a): a is Uint8Array | number => a instanceof Uint8Array || typeof a === 'number')); break;
      case "'": tlm = multiply([1, 0, 0, 1, 0, -gs.leading], tlm); tm = tlm; if (args[0] instanceof Uint8Array) show([args[0]]); break;
      case '"': gs.wordSpacing = num(args[0]); gs.charSpacing = num(args[1]); tlm = multiply([1, 0, 0, 1, 0, -gs.leading], tlm); tm = tlm; if (args[2] instanceof Uint8Array) show([args[2]]); break;
      case 'BI': image(undefined, inline); break;
      case 'sh': if (args[0] instanceof Name) shading(dictOf(entry(dictOf(entry(resources, 'Shading')), args[0].name))); break;
      case 'Do': {
        if (!(args[0] instanceof Name)) break;
        const xo = streamOf(entry(dictOf(entry(resources, 'XObject')), args[0].name));
        if (!xo) break;
        const subtype = nameOf(entry(xo.dict, 'Subtype'));
        if (subtype === 'Image') image(xo, undefined);
        else if (subtype === 'Form' && !forms.has(xo)) {
          const group = dictOf(entry(xo.dict, 'Group'));
          const m = matrixOf(numbersOf(entry(xo.dict, 'Matrix'))) ?? IDENTITY;
          if (nameOf(entry(group, 'S')) === 'Transparency') uses.transparency.push({ at: formCorner(xo, multiply(m, gs.ctm)), what: 'a transparency group (form XObject)' });
          forms.add(xo);
          const own = dictOf(entry(xo.dict, 'Resources')) ?? resources;
          try {
            run(operationsOf(xo), own, { ...gs, ctm: multiply(m, gs.ctm) }, uses, forms);
          } finally {
            forms.delete(xo);
          }
        }
        break;
      }
      default: break;
    }
  }

  /** `sh`: the shading fills the clip, within its /BBox if it has one (§8.7.4.5); with neither, where it is painted from. */
  function shading(d: PDFDict | undefined): void {
    if (!d) return;
    const bbox = numbersOf(entry(d, 'BBox'));
    const own = bbox?.length === 4 ? mappedBox(gs.ctm, bbox[0]!, bbox[1]!, bbox[2]!, bbox[3]!) : undefined;
    const box = own && gs.clip ? intersect(own, gs.clip) ?? own : own ?? gs.clip;
    const at = box ? topLeft(box) : here();
    noteRgb(colourSpace(entry(d, 'ColorSpace'), resources), at);
    noteTransparency('fill', at);
  }
}

/** The top-left of a form XObject's /BBox under `m` (its Matrix then the CTM), or of its origin when it has none. */
function formCorner(form: PDFRawStream, m: Matrix): Point {
  const b = numbersOf(entry(form.dict, 'BBox'));
  return b?.length === 4 ? topLeft(mappedBox(m, b[0]!, b[1]!, b[2]!, b[3]!)) : transform(m, 0, 0);
}

/** Inline image colour space abbreviations (§8.9.7). */
function inlineSpace(name: string): string {
  return { G: 'DeviceGray', RGB: 'DeviceRGB', CMYK: 'DeviceCMYK', I: 'Indexed' }[name] ?? name;
}
