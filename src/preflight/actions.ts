// Actions, JavaScript, form fields and annotations: what a plant's RIP would run, drop or print where nothing should be.
//
// PDF/X (ISO 15930-1 §6.6, 15930-7 §6.6) keeps a plant file to its printed content: no JavaScript, no actions that
// run, open files or leave the file, and no annotations (form fields included) inside the BleedBox, where a RIP may or
// may not print them. An annotation wholly outside the bleed is left alone (a link on the pasteboard never prints);
// JavaScript is an error wherever it is.
import type { PDFDict, PDFObject } from '@cantoo/pdf-lib';
import type { Issue } from './issue.js';
import { dictOf, entry, itemsOf, nameOf, numberOf, rectOf, textOf, type Rect } from './objects.js';

/** One action of a chain (an action and its /Next ones): its type (`JavaScript`, `URI`, `Launch`, `GoTo`…) and target. */
interface Action {
  readonly kind: string;
  /** The URI, or the file a Launch action opens, for messages. */
  readonly target?: string;
}

/** Actions that only move the view within the file: not an action a RIP could run, so an annotation's own business. */
const NAVIGATION = new Set(['GoTo']);

/** The actions of an action dictionary and its /Next chain (PDF 32000-1 §12.6.2), each read once. */
function actionsOf(o: PDFObject | undefined, seen = new Set<PDFDict>()): Action[] {
  const d = dictOf(o);
  if (!d || seen.has(d) || seen.size > 64) return [];
  seen.add(d);
  const kind = nameOf(entry(d, 'S')) ?? 'unnamed';
  const target = kind === 'URI' ? textOf(entry(d, 'URI')) : kind === 'Launch' || kind === 'GoToR' ? fileOf(entry(d, 'F') ?? entry(dictOf(entry(d, 'Win')), 'F')) : undefined;
  const next = entry(d, 'Next');
  const rest = itemsOf(next)?.flatMap((n) => actionsOf(n, seen)) ?? actionsOf(next, seen);
  return [{ kind, ...(target ? { target } : {}) }, ...rest];
}

/** The actions of an additional-actions dictionary (/AA: one action per trigger). */
function triggerActions(aa: PDFObject | undefined): Action[] {
  const d = dictOf(aa);
  if (!d) return [];
  return d.keys().flatMap((key) => actionsOf(d.lookup(key)));
}

/** A file specification: a string, or a dictionary's /UF or /F. */
const fileOf = (o: PDFObject | undefined): string | undefined => textOf(o) ?? textOf(entry(dictOf(o), 'UF')) ?? textOf(entry(dictOf(o), 'F'));

const describeAction = (a: Action) => `a ${a.kind} action${a.target ? ` (${a.target})` : ''}`;
const isScript = (a: Action) => a.kind === 'JavaScript';

/** The document's own actions and scripts: /OpenAction, the catalog's /AA, the /Names /JavaScript tree, an XFA form. */
export function documentIssues(catalog: PDFDict): Issue[] {
  const out: Issue[] = [];
  // An /OpenAction that is a destination (an array) only sets the opening view: not an action.
  const open = actionsOf(dictOf(entry(catalog, 'OpenAction')));
  if (open.some(isScript)) out.push({ severity: 'error', code: 'preflight/javascript', message: 'the document runs JavaScript when it is opened (/OpenAction): plant files carry no scripts' });
  else if (open.length) out.push({ severity: 'error', code: 'preflight/action', message: `the document runs ${describeAction(open[0]!)} when it is opened (/OpenAction): plant files carry no actions` });
  const aa = triggerActions(entry(catalog, 'AA'));
  if (aa.some(isScript)) out.push({ severity: 'error', code: 'preflight/javascript', message: 'the document runs JavaScript on closing, saving or printing (/AA): plant files carry no scripts' });
  else if (aa.length) out.push({ severity: 'error', code: 'preflight/action', message: `the document runs ${describeAction(aa[0]!)} on closing, saving or printing (/AA): plant files carry no actions` });
  const scripts = nameTreeCount(entry(dictOf(entry(catalog, 'Names')), 'JavaScript'));
  if (scripts > 0) out.push({ severity: 'error', code: 'preflight/javascript', message: `${scripts} document-level JavaScript${scripts === 1 ? '' : 's'} (/Names /JavaScript): plant files carry no scripts` });
  if (entry(dictOf(entry(catalog, 'AcroForm')), 'XFA') !== undefined) out.push({ severity: 'error', code: 'preflight/form-field', message: 'an XFA form (/AcroForm /XFA): what it shows is drawn by the viewer, not printed by the RIP' });
  return out;
}

/** Entries of a name tree (PDF 32000-1 §7.9.6): pairs in /Names, and the /Kids below. */
function nameTreeCount(node: PDFObject | undefined, depth = 0): number {
  const d = dictOf(node);
  if (!d || depth > 32) return 0;
  const own = Math.floor((itemsOf(entry(d, 'Names'))?.length ?? 0) / 2);
  return own + (itemsOf(entry(d, 'Kids')) ?? []).reduce((n, kid) => n + nameTreeCount(kid, depth + 1), 0);
}

/** Whether two rectangles share more than an edge. */
const overlaps = (a: Rect, b: Rect) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** A form field's full name: its /T and its parents' (PDF 32000-1 §12.7.3.2), dot-separated. */
function fieldName(widget: PDFDict): string | undefined {
  const parts: string[] = [];
  for (let d: PDFDict | undefined = widget, i = 0; d && i < 32; d = dictOf(entry(d, 'Parent')), i++) {
    const t = textOf(entry(d, 'T'));
    if (t) parts.unshift(t);
  }
  return parts.length ? parts.join('.') : undefined;
}

/**
 * A page's own actions (/AA) and its annotations: JavaScript anywhere; Launch, URI and other actions (all but GoTo)
 * on annotations inside the trim; form fields (Widget annotations) and annotations of any kind inside the trim or
 * the bleed (the BleedBox, else the trim; the MediaBox when there is no TrimBox). A Link whose action is reported is
 * not reported again as an annotation.
 */
export function pageIssues(page: PDFDict, media: Rect, trim: Rect | undefined, bleed: Rect | undefined): Issue[] {
  const out: Issue[] = [];
  const aa = triggerActions(entry(page, 'AA'));
  if (aa.some(isScript)) out.push({ severity: 'error', code: 'preflight/javascript', message: 'the page runs JavaScript when it is opened or closed (/AA): plant files carry no scripts' });
  else if (aa.length) out.push({ severity: 'error', code: 'preflight/action', message: `the page runs ${describeAction(aa[0]!)} when it is opened or closed (/AA): plant files carry no actions` });
  const cut = trim ?? media;
  const edge = bleed ?? cut;
  for (const annot of (itemsOf(entry(page, 'Annots')) ?? []).map(dictOf)) {
    if (!annot) continue;
    const subtype = nameOf(entry(annot, 'Subtype')) ?? 'untyped';
    const rect = rectOf(entry(annot, 'Rect'));
    const at = rect ? { x: rect.x0, y: rect.y1 } : undefined;
    const inTrim = !rect || overlaps(rect, cut);
    const inBleed = inTrim || overlaps(rect, edge);
    const where = inTrim ? 'inside the trim' : 'in the bleed';
    const actions = [...actionsOf(entry(annot, 'A')), ...triggerActions(entry(annot, 'AA'))];
    const what = `a ${subtype} annotation`;
    if (actions.some(isScript)) out.push({ severity: 'error', code: 'preflight/javascript', message: `${what} runs JavaScript: plant files carry no scripts`, ...(at ? { at } : {}), what: subtype });
    const running = actions.filter((a) => !isScript(a) && !NAVIGATION.has(a.kind));
    if (inTrim && running.length) {
      out.push({ severity: 'error', code: 'preflight/action', message: `${what} ${where} with ${describeAction(running[0]!)}: plant files carry no actions`, ...(at ? { at } : {}), what: running[0]!.target ?? running[0]!.kind });
    }
    if (!inBleed || (subtype === 'Link' && (running.length > 0 && inTrim || actions.some(isScript)))) continue;
    if (subtype === 'Widget') {
      const name = fieldName(annot);
      out.push({ severity: 'error', code: 'preflight/form-field', message: `form field${name ? ` “${name}”` : ''} ${where}: a RIP prints a field's look as it was saved, or not at all`, ...(at ? { at } : {}), ...(name ? { what: `“${name}”` } : {}) });
    } else {
      const hidden = ((numberOf(entry(annot, 'F')) ?? 0) & 2) !== 0;
      out.push({ severity: 'error', code: 'preflight/annotation', message: `${what}${hidden ? ' (hidden)' : ''} ${where}: PDF/X allows no annotations inside the bleed, where a RIP may print them`, ...(at ? { at } : {}), what: subtype });
    }
  }
  return out;
}
