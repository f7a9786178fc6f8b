// The page composer: a page's news hole filled with its stories round its adverts (docs/composer.md, "Composing a
// page"). Steps: the adverts take their corners; every story is measured in its variants; the search picks the
// arrangement; the modules, promos and rules are laid out where it put them; what jumps waits for its page.
import { createHash } from 'node:crypto';
import type { FrameItem, PageComposition } from '../../core/index.js';
import { BLACK } from '../../core/index.js';
import type { MarkupElement } from '../../template/index.js';
import { attr, isElement, textOf } from '../../template/index.js';
import type { LayoutContext } from '../context.js';
import { warn } from '../context.js';
import type { FlowUnit } from '../flow/columns.js';
import { layoutPromo, type Placed } from '../furniture.js';
import { spanWidth } from '../geometry.js';
import { layoutStory } from '../story.js';
import { advertItems, advertName, placeAdverts } from './adverts.js';
import { BRIEF_WORDS, measureContinuation, measureStory, type MeasuredStory } from './measure.js';
import { bodyWords, takes } from './pool.js';
import type { JumpDesk, PoolStory } from '../desk.js';
import { groupBriefs, layoutBriefs, type BriefGroup } from './briefs.js';
import { dominanceFault, type PlacedPicture } from './rules.js';
import { composeHole, COSTS, sharedMemo, type Composition, type HoleInput, type StoryInput } from './search.js';


/**
 * Time spent measuring story variants and searching, in this process, milliseconds: for the benchmark
 * (bench/compose-case.mjs) only. Never written to any output, so builds stay byte-identical.
 */
export const composeTimes = { measureMs: 0, searchMs: 0, pages: 0, searches: 0 };

/** Rows a module and what is under it keep between them (white, with a hairline in it). */
const GAP_ROWS = 1;
/** Stories of at least this many words may carry a pull quote on any page of an edition with an overmatter. */
const PULL_QUOTE_WORDS = 250;
/** A page whose stories at their largest fill less than this share of its hole is short of copy. */
const SHORT_COPY = 0.6;
/** A house promo needs room for its heading and a line of text: 8 rows (about 3 cm). */
const MIN_FILLER_ROWS = 8;
/** Words a line of body holds in a 48 mm column at 9/10.5 pt (the seed galley: 648 words on 103 lines). */
const WORDS_PER_LINE = 6.3;
/** Hairline between modules, points. */
const HAIR = 0.5;
/**
 * Most stories a tabloid page's search weighs at once (the flatplan's, the overmatter's and continuations): a tabloid
 * page holds five to eight modules, and the search's memo grows with the number of runs of consecutive stories. A
 * larger page holds more in proportion to its type area (maxStoriesFor): a Berliner 9, a broadsheet 15. Eight on a
 * broadsheet page left it short of copy as soon as it took a few briefs, with the overmatter unused.
 */
const MAX_STORIES = 8;
/** The type area MAX_STORIES was set for, pt²: uk-tabloid's, 256 × 404 mm (72 pt to 25.4 mm). */
const TABLOID_TYPE_AREA = ((256 * 72) / 25.4) * ((404 * 72) / 25.4);

/** Most stories a page of this type area (pt) weighs: MAX_STORIES a tabloid type area, never fewer. */
export function maxStoriesFor(area: { readonly w: number; readonly h: number }): number {
  return Math.max(MAX_STORIES, Math.floor((MAX_STORIES * area.w * area.h) / TABLOID_TYPE_AREA + 1e-9));
}
/** Stories in a row a page may fail to take before it stops trying the overmatter (each try is a search). */
const MISSES = 6;

/** The least area a story takes, column-rows with the white row under it: its smallest option with legs in range. */
function leastArea(m: MeasuredStory, hole: HoleInput): number {
  let best = Infinity;
  let any = Infinity;
  for (const o of m.options) {
    const a = o.span * (o.rows + hole.gap);
    any = Math.min(any, a);
    if (o.legRows >= hole.minLeg && o.legRows <= hole.maxLeg) best = Math.min(best, a);
  }
  return best === Infinity ? any : best;
}

/** A cost rise this large means a rule broken (COSTS.butting, COSTS.rank), not a preference weighed. */
const RULE_BROKEN = COSTS.butting / 2;

/** Stories of this many words or more are held to legs of 4–25 cm (briefs and shorter stories are not). */
const LEG_RULE_WORDS = 120;
/** Text under a photo runs at least this deep, mm (for stories held to 4 cm legs, those are the rule). */
const UNDER_PHOTO_MM = 25;
/** The deepest a one-column module may be, rows' worth of points: 30 cm, past which it reads as a strip down the page. */
const MAX_SINGLE_MM = 300;

/**
 * The story's options within the shape rules: legs 4–25 cm deep, and a one-column module no deeper than 30 cm (its
 * photo's growth capped to keep it so). The rules are rules, so options outside them are dropped while any inside them
 * remain; a story whose copy cannot meet them at any width keeps all its options (the search then weighs their legs).
 * A story that may jump keeps its options past 25 cm legs: they are cut at the jump.
 */
function legsInRange(m: MeasuredStory, hole: HoleInput, words: number, grid: number, mayJump = false): MeasuredStory {
  if (words < LEG_RULE_WORDS) {
    // A short story with a photo still has at least 2.5 cm of text under it.
    const under = Math.ceil(mmToPt(UNDER_PHOTO_MM) / grid);
    const fine = m.options.map((o) => o.picture === 0 || o.legRows >= under);
    if (fine.every(Boolean) || !fine.some(Boolean)) return m;
    return { options: m.options.filter((_, i) => fine[i]), variants: m.variants.filter((_, i) => fine[i]) };
  }
  const single = Math.floor(mmToPt(MAX_SINGLE_MM) / grid);
  // (Legs balanced to the row can end two rows apart, so the deepest is held two rows over the least.)
  const ok = m.options.map((o) => o.legRows >= hole.minLeg + 2 && (o.legRows <= hole.maxLeg || (mayJump && o.trimmed === 0)) && (o.span > 1 || o.rows <= single));
  if (!ok.some(Boolean)) return m;
  const options = m.options.map((o) => (o.span === 1 ? { ...o, grow: Math.max(0, Math.min(o.grow, single - o.rows)) } : o));
  return { options: options.filter((_, i) => ok[i]), variants: m.variants.filter((_, i) => ok[i]) };
}

/** The page a story may jump to from `page`: its `continue-on`, else the next composed page of the same section. */
function jumpTarget(desk: JumpDesk, page: number, el: MarkupElement): number | undefined {
  const asked = attr.num(el, 'continue-on');
  if (asked !== undefined) return asked;
  const section = desk.sections[page - 1];
  for (let p = page + 1; p <= desk.sections.length; p++) if (desk.composed[p - 1] && desk.sections[p - 1] === section) return p;
  return undefined;
}

/**
 * Composes `<compose>` in the box from `y` to `y + maxH` across the type area: adverts, stories, promos. Continuations
 * for this page are taken from `ctx.jumps`, and stories that jump leave theirs there.
 */
export function layoutCompose(ctx: LayoutContext, el: MarkupElement, y: number, maxH: number): Placed & { composition: PageComposition } {
  const area = ctx.area;
  const grid = area.baseline;
  const items: FrameItem[] = [];
  const desk = ctx.jumps;
  // 1. The hole's top on the baseline grid, so modules measured at the type area's top set the same anywhere in it.
  const top = area.y + Math.ceil((y - area.y) / grid - 1e-6) * grid;
  const foot = y + maxH;
  // 2. The adverts take their corners; the hole is what each column has left above them.
  const ads = placeAdverts(ctx, el.children.filter((c): c is MarkupElement => isElement(c) && c.kind === 'advert'), top, foot);
  items.push(...ads.items);
  const hole: HoleInput = {
    rows: ads.holeFoot.map((f) => Math.max(0, Math.floor((f - ads.holeTop) / grid + 1e-6))),
    gap: GAP_ROWS,
    minLeg: Math.ceil(mmToPt(40) / grid),
    maxLeg: Math.floor(mmToPt(250) / grid),
    minFiller: MIN_FILLER_ROWS,
    // The lead spans at least three of five columns (three fifths of the page), as a lead does.
    leadSpan: Math.ceil(area.columns * 0.6),
  };
  // 3. Every story measured in its variants: the stories the flatplan lists here, then what the page takes from the
  //    overmatter (pagination), then this page's continuations, last in priority.
  const styles = (attr.str(el, 'headlines') ?? '').split(/[\s,]+/).filter(Boolean);
  const briefStyle = attr.str(el, 'brief');
  const measuring = performance.now();
  const measureAt = (s: MarkupElement, rank: number): MeasuredStory => {
    const brief = briefStyle !== undefined && bodyWords(s) < BRIEF_WORDS;
    const rankClass = brief ? 'brief' : Math.min(rank, 2);
    const key = `${attr.str(s, 'article')}|${rankClass}|${styles.join(' ')}|${area.columns}`;
    const known = desk?.measured.get(key) as MeasuredStory | undefined;
    if (known) return known;
    const plain = remembered(ctx, ['measure', s, rankClass, area.columns, styles, briefStyle], () => measureStory(ctx, s, rank, area.columns, styles, false, brief ? briefStyle : undefined));
    // A story long enough for one is also measured with a pull quote from its own quotes: the search takes it where
    // the story would otherwise leave white, before any filler (COSTS.pullQuote).
    const pq = bodyWords(s) >= PULL_QUOTE_WORDS && desk?.overmatter ? remembered(ctx, ['pull quotes', s, rankClass, area.columns, styles], () => measureStory(ctx, s, rank, area.columns, styles, true)) : undefined;
    // A story that may jump (the flatplan sends it on, or it leads its page) is cut at its module's foot, so its legs
    // are not held to 25 cm whole.
    const mayJump = attr.num(s, 'continue-on') !== undefined || rank === 0;
    const m = legsInRange(pq ? { options: [...plain.options, ...pq.options], variants: [...plain.variants, ...pq.variants] } : plain, hole, bodyWords(s), grid, mayJump);
    desk?.measured.set(key, m);
    return m;
  };
  const listed = el.children.filter((c): c is MarkupElement => isElement(c) && c.kind === 'story');
  const holeArea = ads.holeFoot.reduce((a, f) => a + Math.max(0, Math.floor((f - ads.holeTop) / grid + 1e-6)), 0);
  const listedMeasured = listed.map((s, rank) => measureAt(s, rank));
  const jumpInput = (s: MarkupElement, rank: number, m: MeasuredStory, others: number): Pick<StoryInput, 'jumpable' | 'jumpAsked'> & { to?: number } => {
    const to = desk ? jumpTarget(desk, ctx.pageNumber, s) : undefined;
    const asked = attr.num(s, 'continue-on') !== undefined;
    // A story jumps where the flatplan says (continue-on), or when it is the page's lead and cannot fit in what the
    // page's other listed stories leave at their least: never to make room for the overmatter.
    const leadTooLong = rank === 0 && leastArea(m, hole) > holeArea - others;
    const jumpable = to !== undefined && (asked || leadTooLong);
    return { jumpable, jumpAsked: asked, ...(jumpable ? { to } : {}) };
  };
  const listedLeast = listedMeasured.map((m) => leastArea(m, hole));
  const listedInputs = listed.map((s, rank) => {
    const m = listedMeasured[rank]!;
    const j = jumpInput(s, rank, m, listedLeast.reduce((a, b, i) => (i === rank ? a : a + b), 0));
    return { input: { id: attr.str(s, 'article')!, options: m.options, jumpable: j.jumpable, jumpAsked: j.jumpAsked } as StoryInput, to: j.to };
  });
  const incoming = desk ? desk.pending.filter((c) => c.toPage === ctx.pageNumber) : [];
  // A continuation is held to the same legs as any story (it is the rest of one of at least 10 cm).
  const continuations = incoming.map((c) => ({ c, m: legsInRange(measureContinuation(ctx, c.story, { units: c.units, fromPage: c.fromPage }, area.columns, [...new Set(hole.rows)], hole.maxLeg), hole, LEG_RULE_WORDS, grid) }));
  for (const c of incoming) desk!.pending.splice(desk!.pending.indexOf(c), 1);
  // Pagination (docs/composer.md, "Pagination: the overmatter"): the page is offered the stories of its section from
  // the overmatter one at a time, in priority order, each judged by a search of the page with it; it keeps the best
  // page so built. A story too large for what is left stays for a later page.
  const eligible = desk ? desk.pool.filter((p) => takes(desk.sections[ctx.pageNumber - 1], p)) : [];
  // A page the flatplan lists nothing on is led by its highest-priority story that is not a brief: briefs never lead.
  if (listed.length === 0 && briefStyle !== undefined) {
    const lead = eligible.findIndex((p) => p.words >= BRIEF_WORDS);
    if (lead > 0) eligible.unshift(...eligible.splice(lead, 1));
  }
  // The page's stories in priority order for a set taken from the overmatter, its briefs grouped in one module after
  // the rest (compose/briefs.ts), then its continuations.
  const label = attr.str(el, 'brief-label') ?? 'News in brief';
  const assemble = (taken: readonly PoolStory[]) => {
    const stories = [...listed, ...taken.map((p) => p.el)];
    const measured: MeasuredStory[] = [...listedMeasured, ...taken.map((p, i) => measureAt(p.el, listed.length + i))];
    const inputs: StoryInput[] = [...listedInputs.map((l) => l.input), ...taken.map((p, i) => ({ id: p.id, options: measured[listed.length + i]!.options }))];
    const targets: (number | undefined)[] = [...listedInputs.map((l) => l.to), ...taken.map(() => undefined)];
    let group: BriefGroup | undefined;
    let groupAt = -1;
    const at = briefStyle ? stories.map((s, i) => (i > 0 && targets[i] === undefined && bodyWords(s) < BRIEF_WORDS ? i : -1)).filter((i) => i >= 0) : [];
    if (at.length > 0) {
      group = groupBriefs(ctx, label, at.map((i) => ({ el: stories[i]!, m: measured[i]! })), el.src);
      for (const i of [...at].reverse()) for (const list of [stories, measured, inputs, targets] as unknown[][]) list.splice(i, 1);
      groupAt = stories.length;
      stories.push(group.members[0]!);
      measured.push(group.measured);
      inputs.push({ id: group.members.map((m) => attr.str(m, 'article')).join('+'), options: group.measured.options });
      targets.push(undefined);
    }
    return { stories, measured, inputs, targets, group, groupAt };
  };
  let searchedMs = 0;
  // The searches of this page share what their story sets have in common (the same input objects, by identity).
  const shared = sharedMemo();
  const inputOf = new Map<string, StoryInput>();
  const same = (i: StoryInput): StoryInput => {
    const k = `${i.id}|${i.options.length}|${i.jumpable ? 1 : 0}`;
    const known = inputOf.get(k);
    if (known && known.options === i.options) return known;
    inputOf.set(k, i);
    return i;
  };
  const continuationInputs = continuations.map((c) => ({ id: c.c.article, options: c.m.options }));
  const holeSearch = (taken: readonly PoolStory[]): Composition | undefined => {
    const inputs = [...assemble(taken).inputs.map(same), ...continuationInputs];
    const t = performance.now();
    const comp = remembered(ctx, ['search', inputs, hole], () => composeHole(inputs, hole, shared));
    searchedMs += performance.now() - t;
    composeTimes.searches++;
    return comp;
  };
  let taken: PoolStory[] = [];
  let selected: Composition | undefined;
  if (eligible.length > 0) {
    // Stories are offered one at a time in priority order. One stays when the page with it still composes with nothing
    // overset and no rule broken that was not broken without it (COSTS.butting and COSTS.rank are rules); one whose
    // least area cannot fit what is left is not tried. Of the pages so built, one story more each time, the page keeps
    // the best by its score: its cost, COSTS.extraFiller for each filler beyond one, less COSTS.heldOver for each story
    // taken — so copy goes in before photos grow or promos fill, and a second filler is taken only when nothing avoids it.
    const score = (comp: Composition, n: number): number => comp.cost + Math.max(0, comp.fillers.filter((f) => !f.white).length - 1) * COSTS.extraFiller - n * COSTS.heldOver;
    const sound = (comp: Composition | undefined): comp is Composition => comp !== undefined && !comp.placements.some((p) => p.short && !p.jumps);
    const maxStories = maxStoriesFor(area);
    let used = listedLeast.reduce((a, b) => a + b, 0) + continuations.reduce((a, c) => a + leastArea(c.m, hole), 0);
    const first = holeSearch(taken);
    let last: Composition | undefined = first;
    let best = sound(first) ? { taken, comp: first, score: score(first, 0) } : undefined;
    // Two passes: a story passed over when the page was fuller may fit once a swap has made room.
    // A pass stops after MISSES stories in a row that would not go in (the overmatter further down is no likelier to
    // fit, and each try is a search); the second is made only while the page still has filler or white.
    const full = () => last !== undefined && sound(last) && !last.fillers.some((f) => !f.white);
    for (let pass = 0; pass < 2 && !(pass > 0 && full()); pass++) {
      let misses = 0;
      for (const p of eligible) {
        if (misses >= MISSES) break;
        if (taken.includes(p)) continue;
        if (listed.length + taken.length + continuations.length >= maxStories) break;
        const a = leastArea(measureAt(p.el, listed.length + taken.length), hole);
        if (used + a > holeArea) continue;
        const comp = holeSearch([...taken, p]);
        if (!sound(comp) || (last !== undefined && comp.cost >= last.cost + RULE_BROKEN)) {
          misses++;
          // It does not fit beside the last story taken: try it instead of that one, which then waits for a later page.
          const prev = taken[taken.length - 1];
          // (The page's lead, once chosen, stays: a swap only ever trades a story below it.)
          if (!prev || (listed.length === 0 && taken.length === 1)) continue;
          const swapped = holeSearch([...taken.slice(0, -1), p]);
          if (!sound(swapped) || !last || swapped.cost >= last.cost + RULE_BROKEN || score(swapped, taken.length) >= score(last, taken.length)) continue;
          misses = 0;
          taken = [...taken.slice(0, -1), p];
          last = swapped;
          used += a - leastArea(measureAt(prev.el, listed.length + taken.length - 1), hole);
        } else {
          taken = [...taken, p];
          last = comp;
          used += a;
          misses = 0;
        }
        if (!sound(last)) continue;
        const sc = score(last, taken.length);
        if (!best || sc < best.score) best = { taken, comp: last, score: sc };
      }
    }
    taken = best?.taken ?? [];
    selected = best?.comp ?? first;
    for (const p of taken) desk!.pool.splice(desk!.pool.indexOf(p), 1);
  }
  const { stories, measured, inputs, targets, group, groupAt } = assemble(taken);
  // A page short of copy — its stories at their largest (photos grown) fill under SHORT_COPY of the hole — also tries
  // each story with a pull quote from its own quotes, before house promos take the rest.
  const largest = measured.reduce((a, m) => a + Math.max(0, ...m.options.map((o) => o.span * (o.rows + o.grow))), 0);
  if (stories.length > 0 && largest < SHORT_COPY * holeArea) {
    selected = undefined;
    stories.forEach((s, rank) => {
      if (rank === groupAt) return;
      const brief = briefStyle !== undefined && bodyWords(s) < BRIEF_WORDS;
      const pq = remembered(ctx, ['pull quotes', s, rank, area.columns, styles, ctx.pageNumber, ctx.area], () => measureStory(ctx, s, rank, area.columns, styles, true, brief ? briefStyle : undefined));
      const m = measured[rank]!;
      measured[rank] = { options: [...m.options, ...pq.options], variants: [...m.variants, ...pq.variants] };
      inputs[rank] = { ...inputs[rank]!, options: measured[rank]!.options };
    });
  }
  for (const { c, m } of continuations) {
    measured.push(m);
    inputs.push({ id: c.article, options: m.options });
    targets.push(undefined);
  }
  composeTimes.measureMs += performance.now() - measuring - searchedMs;
  composeTimes.searchMs += searchedMs;
  const holeRows = hole.rows.reduce((a, b) => a + b, 0);
  // A column-row of the grid in cm²: a column's width by a row's depth.
  const cellCm2 = ((area.columnWidth * 2.54) / 72) * ((grid * 2.54) / 72);
  const report: PageComposition = { page: ctx.pageNumber, placed: [], jumped: [], continued: [], trimmed: [], overmatter: taken.map((p) => p.id), holeRows, promoRows: 0, whiteRows: 0, holeCm2: holeRows * cellCm2, largestWhiteCm2: 0, adverts: ads.names, faults: [] };
  // 4. The search.
  if (inputs.length > 0 && hole.rows.every((r) => r < hole.minLeg)) {
    ctx.warnings.push({
      severity: 'error',
      code: 'compose/no-hole',
      message: `page ${ctx.pageNumber}: its adverts leave no news hole, but it lists ${inputs.map((i) => i.id).join(', ')}`,
      span: el.src,
      hints: ['move the stories to another page, or book fewer or smaller adverts here'],
    });
    return { items, height: maxH, composition: report };
  }
  const searching = performance.now();
  const comp = selected ?? remembered(ctx, ['search', inputs, hole], () => composeHole(inputs, hole));
  composeTimes.searchMs += performance.now() - searching;
  composeTimes.pages++;
  if (!comp) {
    const names = inputs.map((s) => s.id).join(', ');
    ctx.warnings.push({
      severity: 'error',
      code: 'compose/no-fit',
      message: `page ${ctx.pageNumber}: the stories ${names} cannot all be placed in its news hole${ads.names.length ? ` round its ${ads.names.length} advert${ads.names.length === 1 ? '' : 's'}` : ''}`,
      span: el.src,
      hints: ['move a story to another page, give a long one a continue-on page, or book fewer adverts here'],
    });
    return { items, height: maxH, composition: report };
  }
  // 5. Lay out the modules where the search put them.
  const xOf = (col: number) => area.x + col * (area.columnWidth + area.gutter);
  const yOf = (row: number) => ads.holeTop + row * grid;
  const placed: string[] = [];
  const pictures: PlacedPicture[] = [];
  const jumped: { article: string; to: number }[] = [];
  const continued: { article: string; from: number }[] = [];
  const trimmed: { article: string; blocks: number; words: number }[] = [];
  for (const p of comp.placements) {
    if (p.story === groupAt && group) {
      items.push(...layoutBriefs(ctx, group, xOf(p.col), yOf(p.row), p.span, el.src));
      for (const b of group.members) placed.push(attr.str(b, 'article')!);
      continue;
    }
    const m = measured[p.story]!;
    const option = m.options[p.option]!;
    const variant = m.variants[p.option]!;
    const isContinuation = p.story >= stories.length;
    const cont = isContinuation ? incoming[p.story - stories.length]! : undefined;
    // Rows the module takes beyond its measure go to its photo.
    // (A module stepped round the adverts keeps its photo at its smallest: its extra depth is its legs'.)
    const extra = p.feet ? 0 : Math.max(0, Math.min(p.rows - option.rows, option.grow)) * grid;
    const storyEl = variant.photo > 0 && extra > 0 ? withPhotoHeight(variant.el, variant.photo + extra) : variant.el;
    if (variant.photo > 0) pictures.push({ article: inputs[p.story]!.id, rank: p.story, area: (variant.photo + extra) * spanWidth(area, p.span) });
    const to = p.jumps ? targets[p.story] : undefined;
    const r = layoutStory(ctx, storyEl, {
      x: xOf(p.col),
      y: yOf(p.row),
      columns: p.span,
      maxH: p.rows * grid,
      mode: 'fill',
      ...(to !== undefined ? { jumpTo: to } : {}),
      ...(cont ? { resume: { units: variant.units ?? cont.units, fromPage: cont.fromPage } } : {}),
      ...(p.feet ? { feet: p.feet.map((f) => yOf(p.row + f)) } : {}),
    });
    items.push(...r.items);
    const id = inputs[p.story]!.id;
    if (cont) continued.push({ article: id, from: cont.fromPage });
    else placed.push(id);
    if (to !== undefined && r.overset.length > 0) {
      desk!.pending.push({ article: id, story: storyEl, units: r.overset, fromPage: ctx.pageNumber, toPage: to });
      jumped.push({ article: id, to });
    }
    if (option.trimmed > 0) {
      // The words cut: what the whole story (or what came over of it) has that the variant set here has not.
      const words = cont ? unitWords(cont.units) - unitWords(variant.units ?? cont.units) : bodyWords(stories[p.story]!) - bodyWords(storyEl);
      trimmed.push({ article: id, blocks: option.trimmed, words });
      const how = attr.str(storyEl, 'trim') === 'end' ? 'from the end, as its flatplan entry allows (trim: end),' : "at the copy's cut mark";
      warn(ctx, 'compose/trimmed', `story ${id} cut by ${option.trimmed} paragraph${option.trimmed === 1 ? '' : 's'} (${words} words) ${how} to fit page ${ctx.pageNumber}`, storyEl.copy ?? storyEl.src);
    }
  }
  // 6. Promos sized to what copy could not fill, and the white the search could not avoid, each reported. A house
  //    advert made as artwork takes a filler's place where it has the filler's width and at least three quarters of
  //    its depth (or any depth that fits, when the paper gave no promos as text), set at the space's foot.
  const promos = el.children.filter((c): c is MarkupElement => isElement(c) && c.kind === 'promo');
  const houseFiles = el.children.filter((c): c is MarkupElement => isElement(c) && c.kind === 'house-advert');
  let promoRows = 0;
  let whiteRows = 0;
  let largestWhite = 0;
  let promoCount = 0;
  const usedFiles = new Set<MarkupElement>();
  const fillerZones: NonNullable<PageComposition['fillers']>[number][] = [];
  const white = (rows: number, span: number) => {
    whiteRows += rows * span;
    largestWhite = Math.max(largestWhite, rows * span * cellCm2);
    if (rows > 1) warn(ctx, 'compose/white', `page ${ctx.pageNumber}: ${cm(rows * grid)} cm of white across ${span} column${span === 1 ? '' : 's'} that neither copy nor a promo fits`, el.src);
  };
  const houseFileFor = (f: Composition['fillers'][number]): MarkupElement | undefined => {
    const room = f.rows * grid;
    const fits = houseFiles.filter((h) => !usedFiles.has(h) && attr.num(h, 'span') === f.span && attr.num(h, 'depth')! <= room + 0.5 && (promos.length === 0 || attr.num(h, 'depth')! >= 0.75 * room));
    if (fits.length === 0) return undefined;
    // The deepest that fits; among adverts of one depth, pages take them in turn.
    const deepest = Math.max(...fits.map((h) => attr.num(h, 'depth')!));
    const best = fits.filter((h) => attr.num(h, 'depth') === deepest);
    return best[(ctx.pageNumber - 1) % best.length];
  };
  comp.fillers.forEach((f) => {
    const file = f.white ? undefined : houseFileFor(f);
    if (file) {
      usedFiles.add(file);
      const depth = attr.num(file, 'depth')!;
      const rows = Math.ceil(depth / grid - 1e-6);
      items.push(...advertItems(ctx, file, xOf(f.col), yOf(f.row) + f.rows * grid - depth));
      fillerZones.push({ x: xOf(f.col), y: yOf(f.row), w: spanWidth(area, f.span), h: f.rows * grid, heading: `house advert ${advertName(file)}` });
      promoRows += Math.min(rows, f.rows) * f.span;
      if (f.rows > rows) white(f.rows - rows, f.span);
      if (inputs.length > 0) warn(ctx, 'compose/promo', `page ${ctx.pageNumber}: a house advert (${advertName(file)}) fills ${cm(f.rows * grid)} cm × ${f.span} column${f.span === 1 ? '' : 's'} the copy left: about ${Math.round(f.rows * f.span * WORDS_PER_LINE)} more words would fill it`, el.src, ['add copy to a story on the page, or a story from the overmatter']);
      return;
    }
    // Never the same promo twice on a page: a filler beyond the page's promos stays white (and is reported).
    if (f.white || promoCount >= promos.length) {
      white(f.rows, f.span);
      return;
    }
    // Pages take the promos in turn, so the edition's pages do not all carry the same one.
    const promo = promos[(ctx.pageNumber - 1 + promoCount++) % promos.length]!;
    items.push(...layoutPromo(ctx, promo, xOf(f.col), yOf(f.row), f.span, f.rows * grid).items);
    fillerZones.push({ x: xOf(f.col), y: yOf(f.row), w: spanWidth(area, f.span), h: f.rows * grid, heading: attr.str(promo, 'heading') ?? textOf(promo) });
    promoRows += f.rows * f.span;
    const words = Math.round(f.rows * f.span * WORDS_PER_LINE);
    // A page booked with no stories (a house-advert page) is meant to be promos.
    if (inputs.length === 0) return;
    warn(ctx, 'compose/promo', `page ${ctx.pageNumber}: a house promo (“${attr.str(promo, 'heading') ?? textOf(promo)}”) fills ${cm(f.rows * grid)} cm × ${f.span} column${f.span === 1 ? '' : 's'} the copy left: about ${words} more words would fill it`, el.src, ['add copy to a story on the page, or a story from the overmatter']);
  });
  // 7. Hairlines: under each module with something below it, and in the gutter beside it.
  items.push(...rules(comp, hole, xOf, yOf, ctx, ads.holeFoot));
  // One picture dominates a page that has pictures: the largest, half as large again as any other. Where the copy does
  // not allow it, the broken rule is reported with the page and the stories.
  const dominance = dominanceFault(ctx.pageNumber, pictures);
  const faults = dominance ? [...comp.faults, dominance] : comp.faults;
  const report2: PageComposition = { ...report, placed, jumped, continued, trimmed, promoRows, whiteRows, largestWhiteCm2: largestWhite, faults, ...(fillerZones.length ? { fillers: fillerZones } : {}) };
  return { items, height: maxH, composition: report2 };
}

const mmToPt = (mm: number) => (mm * 72) / 25.4;
const cm = (pt: number) => ((pt * 25.4) / 72 / 10).toFixed(1);

function withPhotoHeight(el: MarkupElement, height: number): MarkupElement {
  return { ...el, children: el.children.map((c) => (isElement(c) && c.kind === 'image' ? { ...c, attrs: { ...c.attrs, height } } : c)) };
}

/** Words in flow units' lines (a continuation's, for what a cut took). */
function unitWords(units: readonly FlowUnit[]): number {
  let n = 0;
  for (const u of units) if (u.kind === 'line') n += u.line.text.split(/\s+/).filter(Boolean).length;
  return n;
}

/** Hairlines in the gap under every module or promo that has something below it, and down the gutter to its right. */
function rules(comp: Composition, hole: HoleInput, xOf: (c: number) => number, yOf: (r: number) => number, ctx: LayoutContext, feet: readonly number[]): FrameItem[] {
  const out: FrameItem[] = [];
  const area = ctx.area;
  const boxes = [...comp.placements, ...comp.fillers.filter((f) => !f.white)];
  for (const b of boxes) {
    const x = xOf(b.col);
    const w = spanWidth(area, b.span);
    const bottom = b.row + b.rows;
    const below = boxes.some((o) => o !== b && o.row >= bottom && o.col < b.col + b.span && o.col + o.span > b.col);
    if (below) {
      const yy = yOf(bottom) + (hole.gap * area.baseline) / 2;
      out.push({ kind: 'rule', x1: x, y1: yy, x2: x + w, y2: yy, width: HAIR, color: BLACK });
    }
    if (b.col + b.span < hole.rows.length) {
      const gx = x + w + area.gutter / 2;
      out.push({ kind: 'rule', x1: gx, y1: yOf(b.row), x2: gx, y2: Math.min(yOf(bottom), feet[b.col + b.span - 1]!), width: HAIR, color: BLACK });
    }
  }
  return out;
}

export type { PageComposition };

/** The largest number of results kept in a memo between layouts (oldest dropped first). */
const MEMO_KEPT = 2000;

/**
 * `make()`, or what it gave before for the same `key` parts in this edition's memo (LayoutContext.memo): measuring
 * and searching are pure functions of their inputs, so an unchanged story is not measured again, nor an unchanged
 * page searched again, when the preview lays the edition out after a save. Without a memo, `make()`.
 */
function remembered<T>(ctx: LayoutContext, key: readonly unknown[], make: () => T): T {
  if (!ctx.memo) return make();
  const k = createHash('sha1').update(JSON.stringify(key)).digest('hex');
  if (ctx.memo.has(k)) return ctx.memo.get(k) as T;
  const v = make();
  ctx.memo.set(k, v);
  if (ctx.memo.size > MEMO_KEPT) ctx.memo.delete(ctx.memo.keys().next().value!);
  return v;
}
