// Desk-proof furniture outside the trim: crop marks, registration targets and a slug line, in registration colour.
import { mm } from '../../core/index.js';

/** The parts of PDFKit's document (0.20) used here. */
interface MarksDoc {
  addSpotColor(name: string, c: number, m: number, y: number, k: number): unknown;
  save(): MarksDoc;
  restore(): MarksDoc;
  moveTo(x: number, y: number): MarksDoc;
  lineTo(x: number, y: number): MarksDoc;
  circle(x: number, y: number, r: number): MarksDoc;
  lineWidth(w: number): MarksDoc;
  strokeColor(c: string): MarksDoc;
  fillColor(c: string): MarksDoc;
  stroke(): MarksDoc;
  font(name: string): MarksDoc;
  fontSize(s: number): MarksDoc;
  text(s: string, x: number, y: number, o: object): MarksDoc;
}

/** Bleed of a desk proof. */
export const PROOF_BLEED = mm(3);
/** Space for marks and the slug line around the bleed: the proof's MediaBox is the trim plus this and the bleed on every side. */
export const PROOF_MARGIN = mm(15);
/** Registration colour: prints on every plate (Separation /All). */
const REGISTRATION = 'All';

/**
 * Draws crop marks at the four corners (starting at the bleed, so none prints inside it), a registration target
 * in the middle of each side, and the slug line under the foot: publication, date, page and plate. `trimX`/`trimY`
 * is the trim's top-left in PDFKit's page space (y down), `w`×`h` its size; `font` a registered embedded face.
 */
export function drawProofMarks(doc: unknown, o: { trimX: number; trimY: number; w: number; h: number; slug: string; font: string }): void {
  const d = doc as MarksDoc;
  d.addSpotColor(REGISTRATION, 100, 100, 100, 100);
  const { trimX: x0, trimY: y0, w, h } = o;
  const x1 = x0 + w;
  const y1 = y0 + h;
  const from = PROOF_BLEED;
  const to = PROOF_MARGIN - mm(3);
  d.save().lineWidth(0.25).strokeColor(REGISTRATION);
  for (const [x, y, sx, sy] of [[x0, y0, -1, -1], [x1, y0, 1, -1], [x0, y1, -1, 1], [x1, y1, 1, 1]] as const) {
    d.moveTo(x + sx * from, y).lineTo(x + sx * to, y).stroke();
    d.moveTo(x, y + sy * from).lineTo(x, y + sy * to).stroke();
  }
  const mid = (PROOF_BLEED + PROOF_MARGIN) / 2;
  const r = mm(2.5);
  for (const [cx, cy] of [[x0 + w / 2, y0 - mid], [x0 + w / 2, y1 + mid], [x0 - mid, y0 + h / 2], [x1 + mid, y0 + h / 2]] as const) {
    d.circle(cx, cy, r).stroke();
    d.moveTo(cx - r * 1.6, cy).lineTo(cx + r * 1.6, cy).stroke();
    d.moveTo(cx, cy - r * 1.6).lineTo(cx, cy + r * 1.6).stroke();
  }
  d.restore();
  d.save().font(o.font).fontSize(7).fillColor(REGISTRATION).text(o.slug, x0, y1 + PROOF_MARGIN - mm(5), { lineBreak: false });
  d.restore();
}
