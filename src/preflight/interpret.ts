// The content-stream interpreter of the preflight: walks a page (and its forms) with the graphics state, and records what the plant cares about.
import { PDFDict, PDFRawStream } from '@cantoo/pdf-lib';
import { colourSpace, DEVICE_CMYK, DEVICE_GRAY, DEVICE_RGB, type ColourSpace, type Ink } from './colour.js';
import { fontInfo, type FontInfo } from './fonts.js';
import { Name, operations, type InlineImage, type Operand, type Operation } from './lexer.js';
import { boxOf, IDENTITY, intersect, mappedBox, matrixOf, minimumScale, multiply, topLeft, transform, verticalScale, type Box, type Matrix, type Point } from './matrix.js';
import { boolOf, dictOf, entry, itemsOf, nameOf, numberOf, numbersOf, streamOf, type Rect } from './objects.js';
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
  /** Its name in the resources (`Im3`), for messages; inline images have none. */
  readonly name?: string;
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

/** A colour space that names spot inks or rests on an ICC profile, where it paints (`where`: `a fill`, `text`, `an image`…). */
export interface SpaceUse {
  readonly at: Point;
  readonly space: ColourSpace;
  readonly where: string;
}

/**
 * Something painted, as the overprint check needs it: where it lies on the page (its bounding box in default user
 * space, points; an unbounded box for a shading painted with `sh`, which fills the clip), the most ink it can put on
 * each plate (per cent; 100 on every plate its space reaches where that is not known: images, patterns, RGB), and
 * whether it overprints (ExtGState /op for fills, text and images, /OP for strokes).
 */
export interface Mark {
  readonly box: Rect;
  readonly plates: Ink;
  readonly overprint: boolean;
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
  /** Spot-colour and ICC-based colour spaces in use (content, images, shadings, shading patterns). */
  readonly spaces: SpaceUse[];
  /** Everything painted, in order, for the overprint check. */
  readonly marks: Mark[];
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
  const uses: PageUses = { texts: [], paints: [], images: [], rgb: [], transparency: [], fonts: new Map(), spaces: [], marks: [] };
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
  let pathStart: Point | undefined;
  // The path being built, on the page: its box (what a fill covers) and the box of each segment (what a stroke
  // covers); and whether it will clip once painted or ended (W, W*, §8.5.4).
  let pathBox: Bounds = emptyBox();
  let segments: Bounds[] = [];
  let clipping = false;
  let current: Point = { x: 0, y: 0 };
  let subpath: Point = current;
  const here = (p: Point = { x: 0, y: 0 }) => transform(gs.ctm, p.x, p.y);
  const moveTo = (x: number, y: number) => {
    current = subpath = transform(gs.ctm, x, y);
    extend(pathBox, current);
  };
  /** A segment from the current point through `points` (a curve lies within its control points' box). */
  const segment = (...points: Point[]) => {
    const box = emptyBox();
    extend(box, current);
    for (const p of points) {
      extend(box, p);
      extend(pathBox, p);
    }
    segments.push(box);
    current = points[points.length - 1] ?? current;
  };
  const toPath = (...xy: number[]) => {
    const points: Point[] = [];
    for (let i = 0; i + 1 < xy.length; i += 2) points.push(transform(gs.ctm, xy[i]!, xy[i + 1]!));
    segment(...points);
  };
  /** The path's box, or undefined for a path with no points. */
  const pathBounds = (): Box | undefined => (pathBox.x0 <= pathBox.x1 ? { x0: pathBox.x0, y0: pathBox.y0, x1: pathBox.x1, y1: pathBox.y1 } : undefined);
  const endPath = () => {
    const box = pathBounds();
    if (clipping && box) gs.clip = (gs.clip ? intersect(gs.clip, box) : box) ?? { x0: box.x0, y0: box.y0, x1: box.x0, y1: box.y0 };
    pathStart = undefined;
    pathBox = emptyBox();
    segments = [];
    clipping = false;
  };
  /** A colour space in use where something is painted (`where`: `a fill`, `text`…): RGB, spot inks and ICC are noted there. */
  const noteSpace = (space: ColourSpace, at: Point, where: string) => {
    if (space.rgb) uses.rgb.push({ at, what: space.rgb.what });
    if (where && (space.spots.length > 0 || space.icc)) uses.spaces.push({ at, space, where });
  };
  const mark = (box: Rect, space: ColourSpace, ink: Ink | undefined, overprint: boolean) => {
    if (box.x1 >= box.x0 && box.y1 >= box.y0) uses.marks.push({ box, plates: ink ?? mostInk(space), overprint });
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
    const box = pathBounds();
    const at = box ? topLeft(box) : here(pathStart);
    noteSpace(space, at, kind === 'fill' ? 'a fill' : 'a stroke');
    noteTransparency(kind, at);
    const ink = space.ink(values);
    uses.paints.push({ at, kind, space, ink, ...(kind === 'stroke' ? { lineWidth: gs.lineWidth * minimumScale(gs.ctm) } : {}) });
    if (kind === 'fill') {
      mark(pathBox, space, ink, gs.opFill);
      return;
    }
    // A stroke covers its segments, half the line width either side; twice that allows for square caps and joins.
    const reach = gs.lineWidth * Math.max(Math.hypot(gs.ctm[0], gs.ctm[1]), Math.hypot(gs.ctm[2], gs.ctm[3]));
    for (const b of segments) mark(grow(b, reach), space, ink, gs.opStroke);
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
      noteSpace(gs.fillSpace, at, 'text');
      noteTransparency('fill', at);
    }
    if ([1, 2, 5, 6].includes(gs.render)) {
      noteSpace(gs.strokeSpace, at, 'text');
      noteTransparency('stroke', at);
    }
    const ink = gs.fillSpace.ink(gs.fill);
    const visible = gs.render !== 3 && gs.render !== 7;
    uses.texts.push({ at, size, space: gs.fillSpace, ink, overprint: gs.opFill, visible, font });
    // Advance the text matrix past the glyphs (§9.4.4), so the next show starts where this one ended; and see how far
    // the glyphs reach up and down (em), where the font says so glyph by glyph.
    let tx = 0;
    let bottom = Infinity;
    let top = -Infinity;
    for (const s of strings) {
      if (typeof s === 'number') {
        tx -= (s / 1000) * gs.fontSize * gs.hscale;
        continue;
      }
      for (let i = 0; i + font.codeBytes <= s.length; i += font.codeBytes) {
        const code = font.codeBytes === 2 ? (s[i]! << 8) | s[i + 1]! : s[i]!;
        const space = font.codeBytes === 1 && code === 32 ? gs.wordSpacing : 0;
        tx += (font.advance(code) * gs.fontSize + gs.charSpacing + space) * gs.hscale;
        if (!visible) continue;
        const reach = font.glyphExtent ? font.glyphExtent(code) : { bottom: font.descent, top: font.ascent };
        if (reach) {
          bottom = Math.min(bottom, reach.bottom);
          top = Math.max(top, reach.top);
        }
      }
    }
    // Where the glyphs lie: from the start to the advance, from the lowest glyph to the highest.
    if (visible && top >= bottom) {
      const box = emptyBox();
      const m = multiply(tm, gs.ctm);
      for (const [x, y] of [[0, bottom], [tx, bottom], [0, top], [tx, top]] as const) extend(box, transform(m, x, gs.rise + y * gs.fontSize));
      mark(box, gs.fillSpace, ink, gs.opFill);
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
  const image = (stream: PDFRawStream | undefined, inline: InlineImage | undefined, name?: string) => {
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
    if (space) noteSpace(space, at, 'an image');
    if (softMask) uses.transparency.push({ at, what: 'an image with a soft mask (SMask)' });
    noteTransparency('fill', at);
    if (mask) {
      noteSpace(gs.fillSpace, at, 'an image mask');
      const ink = gs.fillSpace.ink(gs.fill);
      uses.paints.push({ at, kind: 'fill', space: gs.fillSpace, ink });
      mark(box, gs.fillSpace, ink, gs.opFill);
    } else mark(box, space ?? DEVICE_CMYK, undefined, gs.opFill);
    uses.images.push({ at, box, ctm: gs.ctm, ...(name ? { name } : {}), ...(stream ? { stream } : {}), ...(inline ? { inline } : {}), space, mask, softMask });
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
      case 'sc': case 'scn': gs.fill = nums(args); shadingPattern(gs.fillSpace, args); break;
      case 'SC': case 'SCN': gs.stroke = nums(args); shadingPattern(gs.strokeSpace, args); break;
      case 'g': gs.fillSpace = DEVICE_GRAY; gs.fill = nums(args); break;
      case 'G': gs.strokeSpace = DEVICE_GRAY; gs.stroke = nums(args); break;
      case 'k': gs.fillSpace = DEVICE_CMYK; gs.fill = nums(args); break;
      case 'K': gs.strokeSpace = DEVICE_CMYK; gs.stroke = nums(args); break;
      case 'rg': gs.fillSpace = DEVICE_RGB; gs.fill = nums(args); break;
      case 'RG': gs.strokeSpace = DEVICE_RGB; gs.stroke = nums(args); break;
      case 'm': pathStart = { x: num(args[0]), y: num(args[1]) }; moveTo(num(args[0]), num(args[1])); break;
      case 'l': toPath(num(args[0]), num(args[1])); break;
      case 'c': toPath(...nums(args).slice(0, 6)); break;
      case 'v': case 'y': toPath(...nums(args).slice(0, 4)); break;
      case 'h': segment(subpath); break;
      case 're': {
        const [x, y, w, h] = [num(args[0]), num(args[1]), num(args[2]), num(args[3])];
        pathStart ??= { x, y };
        moveTo(x, y);
        toPath(x + w, y);
        toPath(x + w, y + h);
        toPath(x, y + h);
        toPath(x, y);
        break;
      }
      case 'W': case 'W*': clipping = true; break;
      case 'f': case 'F': case 'f*': paint('fill'); endPath(); break;
      case 'S': paint('stroke'); endPath(); break;
      case 's': segment(subpath); paint('stroke'); endPath(); break;
      case 'B': case 'B*': paint('fill'); paint('stroke'); endPath(); break;
      case 'b': case 'b*': segment(subpath); paint('fill'); paint('stroke'); endPath(); break;
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
      case 'sh': if (args[0] instanceof Name) shading(dictOf(entry(dictOf(entry(resources, 'Shading')), args[0].name)), true); break;
      case 'Do': {
        if (!(args[0] instanceof Name)) break;
        const xo = streamOf(entry(dictOf(entry(resources, 'XObject')), args[0].name));
        if (!xo) break;
        const subtype = nameOf(entry(xo.dict, 'Subtype'));
        if (subtype === 'Image') image(xo, undefined, args[0].name);
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

  /**
   * A shading (its dictionary, or a shading stream's): its colour space. Painted with `sh`, it fills the clip, within
   * its /BBox if it has one (§8.7.4.5), and is found at that box's top-left (with neither, where it is painted from).
   */
  function shading(d: PDFDict | undefined, painted: boolean): void {
    if (!d) return;
    const space = colourSpace(entry(d, 'ColorSpace'), resources);
    const bbox = numbersOf(entry(d, 'BBox'));
    const own = bbox?.length === 4 ? mappedBox(gs.ctm, bbox[0]!, bbox[1]!, bbox[2]!, bbox[3]!) : undefined;
    const box = own && gs.clip ? intersect(own, gs.clip) ?? own : own ?? gs.clip;
    const at = box ? topLeft(box) : here();
    noteSpace(space, at, 'a shading');
    if (!painted) return;
    noteTransparency('fill', at);
    mark(box ?? UNBOUNDED, space, undefined, gs.opFill);
  }

  /** `scn /P1` in a Pattern space: a shading pattern (PatternType 2) brings its shading's colour space. */
  function shadingPattern(space: ColourSpace, args: readonly Operand[]): void {
    const last = args[args.length - 1];
    if (!space.pattern || !(last instanceof Name)) return;
    const pattern = dictOf(entry(dictOf(entry(resources, 'Pattern')), last.name));
    if (numberOf(entry(pattern, 'PatternType')) === 2) shading(dictOf(entry(pattern, 'Shading')), false);
  }
}

/** A bounding box being grown point by point. */
type Bounds = { x0: number; y0: number; x1: number; y1: number };
const emptyBox = (): Bounds => ({ x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity });
const UNBOUNDED: Rect = { x0: -Infinity, y0: -Infinity, x1: Infinity, y1: Infinity };
function extend(b: Bounds, p: Point): void {
  b.x0 = Math.min(b.x0, p.x);
  b.y0 = Math.min(b.y0, p.y);
  b.x1 = Math.max(b.x1, p.x);
  b.y1 = Math.max(b.y1, p.y);
}
const grow = (b: Bounds, d: number): Rect => ({ x0: b.x0 - d, y0: b.y0 - d, x1: b.x1 + d, y1: b.y1 + d });

/** The most a colour space can put on each plate, when its colour is not known (images, patterns): full on every plate it reaches. */
function mostInk(space: ColourSpace): Ink {
  if (space.ink === DEVICE_GRAY.ink) return { c: 0, m: 0, y: 0, k: 100, spot: 0 };
  return { c: 100, m: 100, y: 100, k: 100, spot: 100 * space.spots.length };
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
