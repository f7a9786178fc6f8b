// The page composer's search: measured story options and a news hole in, module placements out. Pure: it knows
// neither fonts nor markup, only rows of the baseline grid and columns of the page grid (docs/composer.md, "Composing
// a page").
//
// The hole is a staircase: every column runs from the hole's top down to its own foot (adverts stack up from the
// foot of the page, deepest at the outer edge). A composition is a guillotine cut of it — Strecker & Hennig (2009)
// compare exhaustive, greedy and annealing searches over such cuts; this one is exhaustive over the cuts that the
// stories' own depths suggest, with memoisation, so it is exact for its cost within that set and deterministic.
// Every region is filled by a group of stories consecutive in priority order, so reading order (top before bottom,
// left before right) follows priority and the lead is always at the top left.

/** One way to set a story, as measured by really setting it (compose/measure.ts). Depths in rows of the grid. */
export interface StoryOption {
  /** Columns the module spans. */
  readonly span: number;
  /** Rows the whole module needs: kicker, headline, standfirst, photo at its smallest, byline and every leg. */
  readonly rows: number;
  /** Rows the photo can grow by (0 without a photo): the module can be any depth from `rows` to `rows + grow`. */
  readonly grow: number;
  /**
   * Fewest rows when the story runs short of its end here (at least about 10 cm of body first): it jumps to another
   * page when its StoryInput is `jumpable`, else the rest is overset — the last resort, which the build refuses.
   */
  readonly jumpRows?: number;
  /** Paragraphs left out at the copy's own cut mark (0: the whole story). */
  readonly trimmed: number;
  /** Headline size, points: the search keeps headlines from growing down the page. */
  readonly headline: number;
  /**
   * The headline's step on the page's headline scale (0 the largest; default 2, a third story's): two headlines side
   * by side at the same height must be at least two steps apart.
   */
  readonly step?: number;
  /** Rows from the module's top to the foot of its headline (kicker and headline): where a headline beside it butts. */
  readonly headRows?: number;
  /** Grid steps of body over all the legs (default every leg as deep as the deepest): what a stepped module must hold. */
  readonly bodySteps?: number;
  /** Rows of body in each leg when set at `rows` (for the 4–25 cm rule). */
  readonly legRows: number;
  /** Photo area at its smallest, column-rows (0 without a photo). */
  readonly picture: number;
  /** White beside the headline's and standfirst's lines, column-rows: a head that leaves its measure half empty. */
  readonly headWhite?: number;
  /** A pull quote from the story's own quotes was added to make it longer. */
  readonly pullQuote?: boolean;
}

export interface StoryInput {
  /** For messages only. */
  readonly id: string;
  readonly options: readonly StoryOption[];
  /** The story may continue on another page when it runs short here. */
  readonly jumpable?: boolean;
  /** The flatplan asked for the jump (continue-on): it costs COSTS.jump; otherwise COSTS.unaskedJump. */
  readonly jumpAsked?: boolean;
}

/** The news hole: how many rows each column of the page holds, counted from the hole's top row. */
export interface HoleInput {
  /** Rows of each grid column (0 where an advert or furniture fills the column from the top). */
  readonly rows: readonly number[];
  /** Rows kept white between modules stacked in a column (and between a module and a filler). */
  readonly gap: number;
  /** Rows in 4 cm and in 25 cm: the shortest and longest legs a reader is comfortable with. */
  readonly minLeg: number;
  readonly maxLeg: number;
  /** Fewest rows a house promo or advert filling a hole can have. */
  readonly minFiller: number;
  /** Fewest columns the lead should span, so that it leads the page (its headline and photo the largest). */
  readonly leadSpan?: number;
}

/** A story placed: its option, the first column and row of its module and the rows it takes. */
export interface Placement {
  readonly story: number;
  readonly option: number;
  readonly col: number;
  readonly row: number;
  readonly span: number;
  readonly rows: number;
  /** The module shows only the start of the story; the rest continues on another page. */
  readonly jumps: boolean;
  /** The module shows only the start of the story, and the rest has nowhere to go (overset). */
  readonly short: boolean;
  /**
   * A module stepped round the advert stack: the rows each of its columns runs to from its top (the deepest is
   * `rows`); its legs above an advert stop at the advert's line. Absent for a rectangle.
   */
  readonly feet?: readonly number[];
}

/** Space the composer fills with a house promo or advert, or (rows under `minFiller`) leaves white. */
export interface Filler {
  readonly col: number;
  readonly row: number;
  readonly span: number;
  readonly rows: number;
  /** Too small for a promo: white the search could not avoid. */
  readonly white: boolean;
}

export interface Composition {
  readonly placements: readonly Placement[];
  readonly fillers: readonly Filler[];
  /** The cost of the page (lower is better), and its parts, for the report. */
  readonly cost: number;
  readonly faults: readonly string[];
}

/**
 * What the score weighs, in cost units (lower is better). A hole is the worst thing a page can have; a house promo
 * sized to a hole is better than a hole but worse than copy; a jump is costly but better than either at any size.
 */
export const COSTS = {
  /** Each column-row of white beyond the one row per leg that fitting allows. */
  white: 1000,
  /** Each column-row filled by a house promo or advert instead of copy. */
  filler: 150,
  /**
   * Each house promo or advert placed, whatever its size: a page carries at most one, so the search prefers one larger
   * filler (or a grown photo) to several small ones.
   */
  fillerEach: 20000,
  /** A story that jumps to the page the flatplan names for it. */
  jump: 2500,
  /**
   * A story that jumps to the next page of its section although the flatplan did not ask: only to avoid house promos
   * of most of a page, or overset. The next page then carries a continuation the editor did not plan.
   */
  unaskedJump: 20000,
  /** A story cut short with nowhere to go: overset copy, only when nothing else places every story. */
  overset: 1e7,
  /**
   * Each paragraph cut at the copy's own mark or from the end (`trim: end`): more than a story of the overmatter is
   * worth (COSTS.heldOver) for every three paragraphs, so a story the desk placed is not cut to make room for overmatter.
   */
  trim: 400,
  /** Each row of a leg shorter than 4 cm or longer than 25 cm. */
  leg: 40,
  /** Each row a photo grows beyond its smallest (growing the lead's photo costs half: a dominant picture). */
  grow: 1,
  /**
   * Two headlines side by side at the same height less than two steps of the scale apart (butting, tombstoned): a
   * rule, not a preference, so it costs more than anything but overset; only a page with no other arrangement has one,
   * and it is reported.
   */
  butting: 1e6,
  /** A story whose headline is larger than one of higher priority: a rule too (headlines get smaller down the page). */
  rank: 1e6,
  /** A pull quote added to a story: better than a promo when the story runs short, never for nothing. */
  pullQuote: 100,
  /** Each column the lead spans fewer than the page's `leadSpan`: a lead narrower than the stories under it. */
  narrowLead: 3000,
  /** Each column-row of white beside a headline's or standfirst's lines (a short headline across many columns). */
  headWhite: 40,
  /**
   * Each filler beyond the first on a page, when pagination weighs how much of the overmatter a page takes: a page
   * may carry at most one house advert (issue 20's rule), so a set of stories that leaves two is worse than any
   * that leaves one.
   */
  extraFiller: 100000,
  /**
   * A story of the overmatter that would fit, held over: pagination takes it unless it breaks a rule or leaves a second
   * filler. More than a page's usual costs of shape (a photo grown by a column's depth is about 100, legs out of range
   * 40 a row), so copy goes in before photos grow.
   */
  heldOver: 3000,
} as const;

interface Result {
  readonly cost: number;
  readonly placements: readonly Placement[];
  readonly fillers: readonly Filler[];
  readonly faults: readonly string[];
  /** The headlines along the region's left and right edges, where a region set beside it meets them. */
  readonly leftHeads: readonly Head[];
  readonly rightHeads: readonly Head[];
}

/** A headline on a region's edge: the rows it takes, its step on the scale and its story. */
interface Head {
  readonly row: number;
  readonly end: number;
  readonly step: number;
  readonly story: number;
}

const NONE: Result = { cost: Infinity, placements: [], fillers: [], faults: [], leftHeads: [], rightHeads: [] };
/** A module's step on the headline scale when its option names none. */
const DEFAULT_STEP = 2;

/**
 * What searches of one hole share (a page's pagination searches it once for each set of stories it weighs): results of
 * regions by the identities of their stories. Make one per hole with `sharedMemo()`.
 */
export interface SharedMemo {
  readonly map: Map<number, { readonly sig: number; readonly result: Result }>;
  /** A number for each story input, the same object always the same number. */
  readonly ids: (s: StoryInput) => number;
}

/** A new SharedMemo for one hole. */
export function sharedMemo(): SharedMemo {
  const known = new Map<StoryInput, number>();
  return { map: new Map(), ids: (s) => known.get(s) ?? (known.set(s, known.size + 1), known.size) };
}

/**
 * The best composition of `stories` (in priority order) in `hole`, or undefined when no arrangement places them all
 * (the caller names the story that cannot be placed). Deterministic: ties keep the first arrangement found, and
 * arrangements are tried in a fixed order.
 */
export function composeHole(stories: readonly StoryInput[], hole: HoleInput, shared?: SharedMemo): Composition | undefined {
  const cols = hole.rows.length;
  const memo = new Map<number, Result>();
  // A region's result depends on its stories k..k+m−1 and on story k−1 (whose headline a lower one must not outgrow):
  // a signature of those stories' identities lets searches of the same hole share what they have in common.
  const ids = stories.map((st) => shared?.ids(st) ?? 0);
  const signature = (k: number, m: number): number => {
    let h = k > 0 ? ids[k - 1]! : 0;
    for (let i = k; i < k + m; i++) h = (h * 1000003 + ids[i]!) % 2147483647;
    return h;
  };
  const recall = (key: number, k: number, m: number): Result | undefined => {
    const own = memo.get(key);
    if (own || !shared) return own;
    const e = shared.map.get(key);
    return e && e.sig === signature(k, m) ? e.result : undefined;
  };
  const remember = (key: number, k: number, m: number, r: Result): void => {
    memo.set(key, r);
    shared?.map.set(key, { sig: signature(k, m), result: r });
  };
  const maxHead = stories.map((s) => Math.max(0, ...s.options.map((o) => o.headline)));
  /** What an option costs wherever it goes: trimmed copy, white beside its head, legs out of range, its rank. */
  const fixedCost = (k: number, o: StoryOption): number => {
    const legOut = o.legRows < hole.minLeg ? hole.minLeg - o.legRows : o.legRows > hole.maxLeg ? o.legRows - hole.maxLeg : 0;
    return o.trimmed * COSTS.trim + (o.pullQuote ? COSTS.pullQuote : 0) + (o.headWhite ?? 0) * COSTS.headWhite + legOut * COSTS.leg + (k > 0 && maxHead[k - 1]! > 0 && o.headline > maxHead[k - 1]! + 0.01 ? COSTS.rank : 0);
  };
  // Options that take the same rows, can grow as far and jump at the same depth behave alike in every region: only
  // the cheapest of each such set is searched (variants often differ by a standfirst that sets in the same depth).
  const kept = stories.map((st, k) => {
    const best = new Map<string, number>();
    st.options.forEach((o, i) => {
      const key = `${o.span}/${o.rows}/${o.grow}/${o.jumpRows ?? -1}/${o.headline}`;
      const j = best.get(key);
      if (j === undefined || fixedCost(k, o) < fixedCost(k, st.options[j]!)) best.set(key, i);
    });
    return [...best.values()].sort((a, b) => a - b);
  });
  // The least area (column-rows) each story can take, and prefix sums of it: a group that cannot fit a region's area
  // is not tried there.
  const least = stories.map((s) => Math.min(Infinity, ...s.options.map((o) => o.span * Math.min(o.rows, o.jumpRows ?? Infinity))));
  const leastSum = [0];
  for (const a of least) leastSum.push(leastSum[leastSum.length - 1]! + a);

  /** The region's foot in each column: its own bottom `r1`, or the hole's (−1). */
  const footOf = (c: number, r1: number) => (r1 >= 0 ? r1 : hole.rows[c]!);

  /** A region given to no story: house promos down each run of columns of equal foot, or white. */
  const fillerOnly = (c0: number, c1: number, r0: number, r1: number): Result => {
    const fillers: Filler[] = [];
    let cost = 0;
    let c = c0;
    while (c < c1) {
      let e = c + 1;
      while (e < c1 && footOf(e, r1) === footOf(c, r1)) e++;
      const rows = footOf(c, r1) - r0;
      if (rows > 0) {
        const white = rows < hole.minFiller;
        fillers.push({ col: c, row: r0, span: e - c, rows, white });
        cost += (white ? COSTS.white : COSTS.filler) * rows * (e - c) + (white ? 0 : COSTS.fillerEach);
      }
      c = e;
    }
    return { cost, placements: [], fillers, faults: [], leftHeads: [], rightHeads: [] };
  };

  /** One story alone in a rectangle: the option that fills it best, the rest promo or white. */
  const leaf = (k: number, c0: number, c1: number, r0: number, r1: number): Result => {
    const span = c1 - c0;
    const rows = r1 - r0;
    let best = NONE;
    const story = stories[k]!;
    for (const i of kept[k]!) {
      const o = story.options[i]!;
      if (o.span !== span) continue;
      let cost = 0;
      const faults: string[] = [];
      let used: number;
      let jumps = false;
      if (o.rows <= rows) {
        // Short: the photo grows first, then a promo fills what is left (or it stays white when too small for one).
        used = Math.min(rows, o.rows + o.grow);
        cost += (used - o.rows) * COSTS.grow * (k === 0 ? 0.5 : 1);
      } else if (o.jumpRows !== undefined && o.jumpRows <= rows && o.trimmed === 0) {
        // (A story is cut to fit or jumps, never both: cutting what would go on to its continuation saves nothing.)
        used = rows;
        jumps = story.jumpable === true;
        cost += jumps ? (story.jumpAsked ? COSTS.jump : COSTS.unaskedJump) : COSTS.overset;
        faults.push(jumps ? `${story.id} jumps` : `${story.id} overset`);
      } else continue;
      cost += fixedCost(k, o);
      if (k === 0 && hole.leadSpan !== undefined && span < hole.leadSpan) cost += COSTS.narrowLead * (hole.leadSpan - span);
      if (used >= o.rows && (o.legRows < hole.minLeg || o.legRows > hole.maxLeg)) faults.push(`${story.id}: legs of ${o.legRows} rows, outside ${hole.minLeg}–${hole.maxLeg}`);
      const fillers: Filler[] = [];
      const slack = rows - used;
      if (slack > 1) {
        // One row of slack per leg is fitting's tolerance; more is filled (a gap row, then the promo) or white.
        const fill = slack - hole.gap;
        if (fill >= hole.minFiller) {
          fillers.push({ col: c0, row: r0 + used + hole.gap, span, rows: fill, white: false });
          cost += COSTS.filler * fill * span + COSTS.fillerEach;
        } else {
          fillers.push({ col: c0, row: r0 + used, span, rows: slack, white: true });
          cost += COSTS.white * (slack - 1) * span;
        }
      }
      if (cost < best.cost) best = { cost, placements: [{ story: k, option: i, col: c0, row: r0, span, rows: used, jumps, short: used < o.rows }], fillers, faults, ...edges(headOf(k, o, r0)) };
    }
    return best;
  };

  /**
   * One story alone in a region stepped round the advert stack (its columns end at different depths): its head and
   * photo (at their least) across the top, its legs down each column to that column's foot. The body's lines, at most
   * its legs' rows in every column, must fit what the columns hold under the head; what they leave is white, and a
   * story that does not fit may run short for a jump where it may jump.
   */
  const stepped = (k: number, c0: number, c1: number, r0: number, r1: number): Result => {
    const span = c1 - c0;
    const feet: number[] = [];
    for (let c = c0; c < c1; c++) feet.push(footOf(c, r1) - r0);
    const shallow = Math.min(...feet);
    const deep = Math.max(...feet);
    let best = NONE;
    const story = stories[k]!;
    for (const i of kept[k]!) {
      const o = story.options[i]!;
      if (o.span !== span) continue;
      const head = o.rows - o.legRows;
      if (head >= shallow - 1) continue;
      const caps = feet.map((f) => f - head);
      const room = caps.reduce((a, b) => a + b, 0);
      const lines = o.bodySteps ?? o.legRows * span;
      let cost = fixedCost(k, o);
      const faults: string[] = [];
      let jumps = false;
      let short = false;
      // A line a column of slack: the flow's widow, orphan and keep rules can push a line from one leg to the next.
      if (lines + span <= room) {
        // Balanced as the flow balances: the least depth d at which min(d, cap) over the columns holds the lines.
        let d = Math.ceil(lines / span);
        while (caps.reduce((a, cap) => a + Math.min(d, cap), 0) < lines) d++;
        const white = caps.reduce((a, cap) => a + Math.max(0, cap - Math.min(d, cap) - 1), 0);
        cost += white * COSTS.white;
        // The module's zones are its rectangles (across its columns down to the shallowest foot, then each deeper run):
        // a story with legs of readable depth keeps them so in each, not a few lines under the rest.
        if (o.legRows >= hole.minLeg && (shallow - head < hole.minLeg + 1 || caps.some((cap) => { const below = Math.min(d, cap) - (shallow - head); return below > 0 && below < hole.minLeg + 1; }))) continue;
      } else if (o.jumpRows !== undefined && o.trimmed === 0 && o.jumpRows <= shallow && feet.every((f) => f === shallow || f - shallow >= hole.minLeg + 1)) {
        jumps = story.jumpable === true;
        short = true;
        cost += jumps ? (story.jumpAsked ? COSTS.jump : COSTS.unaskedJump) : COSTS.overset;
        faults.push(jumps ? `${story.id} jumps` : `${story.id} overset`);
      } else continue;
      if (k === 0 && hole.leadSpan !== undefined && span < hole.leadSpan) cost += COSTS.narrowLead * (hole.leadSpan - span);
      if (cost < best.cost) {
        best = { cost, placements: [{ story: k, option: i, col: c0, row: r0, span, rows: deep, jumps, short, feet }], fillers: [], faults, ...edges(headOf(k, o, r0)) };
      }
    }
    return best;
  };

  /**
   * Depths worth cutting a band of `width` columns at, for the stories k..k+j−1 on top; `levels` are the depths at which
   * the region's columns end (the tops of the adverts under it), where a band of one story that can take that depth
   * (its photo grown, or run short for a jump) squares the page off with the adverts.
   */
  // The stories' own band depths for (k, j, width), made once: sorted, all depths of every kept option.
  const ownDepths = new Map<number, { readonly depths: readonly number[]; readonly ranges: readonly (readonly [number, number])[] }>();
  const bandDepths = (k: number, j: number, width: number) => {
    const key = (k * 64 + j) * 32 + width;
    let d = ownDepths.get(key);
    if (d) return d;
    const hs = new Set<number>();
    const ranges: [number, number][] = [];
    for (let s = k; s < k + j; s++) {
      for (const i of kept[s]!) {
        const o = stories[s]!.options[i]!;
        if (o.span > width) continue;
        if (j === 1 && o.span !== width) continue;
        // A band of one story: its depth, with its photo grown, or cut for a jump. Of several side by side: the
        // depth of one of them (the others grow their photos or take a promo under them).
        const depths = j === 1 ? [o.rows, o.rows + o.grow, o.jumpRows] : [o.rows];
        for (const h of depths) if (h !== undefined && h > 0) hs.add(h);
        if (j === 1) ranges.push([stories[s]!.jumpable && o.jumpRows !== undefined ? Math.min(o.jumpRows, o.rows) : o.rows, o.rows + o.grow]);
      }
    }
    d = { depths: [...hs].sort((a, b) => a - b), ranges };
    ownDepths.set(key, d);
    return d;
  };
  const bandHeights = (k: number, j: number, width: number, max: number, levels: readonly number[]): number[] => {
    const { depths, ranges } = bandDepths(k, j, width);
    const out: number[] = [];
    for (const h of depths) if (h <= max) out.push(h);
    // A band of one story may also end where the region's columns end, if the story can take that depth.
    if (j === 1) {
      let extra = false;
      for (const h of levels) {
        if (h > max || out.includes(h)) continue;
        for (const [lo, hi] of ranges) {
          if (h >= lo && h <= hi) {
            out.push(h);
            extra = true;
            break;
          }
        }
      }
      if (extra) out.sort((a, b) => a - b);
    }
    return out;
  };

  const solve = (c0: number, c1: number, r0: number, r1: number, k: number, m: number): Result => {
    // A number, not a string: c0, c1 < 32 columns, rows < 4096, k and m < 64 stories.
    const key = ((((c0 * 32 + c1) * 4096 + r0) * 4097 + (r1 + 1)) * 64 + k) * 64 + m;
    const known = recall(key, k, m);
    if (known) return known;
    let area = 0;
    for (let c = c0; c < c1; c++) area += Math.max(0, footOf(c, r1) - r0);
    if (leastSum[k + m]! - leastSum[k]! > area) {
      remember(key, k, m, NONE);
      return NONE;
    }
    let best = NONE;
    const consider = (r: Result) => {
      if (r.cost < best.cost) best = r;
    };
    let top = Infinity;
    let rect = true;
    for (let c = c0; c < c1; c++) {
      const f = footOf(c, r1);
      top = Math.min(top, f);
      if (f !== footOf(c0, r1)) rect = false;
    }
    const depth = top - r0;
    const levels: number[] = [];
    for (let c = c0; c < c1; c++) levels.push(footOf(c, r1) - r0 - hole.gap);
    if (m === 0) {
      best = fillerOnly(c0, c1, r0, r1);
    } else if (depth > 0) {
      // 1. One story fills a rectangle.
      if (m === 1 && rect) consider(leaf(k, c0, c1, r0, r0 + depth));
      if (m === 1 && !rect) consider(stepped(k, c0, c1, r0, r1));
      // 2. A band across the top for the first j stories, the rest below it (j = m: the rest is promo or white).
      for (let j = 1; j <= m; j++) {
        for (const h of bandHeights(k, j, c1 - c0, depth, levels)) {
          if (j === m && h === depth && rect) continue; // the same as the whole region
          const upper = solve(c0, c1, r0, r0 + h, k, j);
          if (upper.cost >= best.cost) continue;
          const below = r0 + h + hole.gap;
          const lower = below < top ? solve(c0, c1, below, r1, k + j, m - j) : m - j === 0 ? fillerOnly(c0, c1, r0 + h, r1) : NONE;
          if (upper.cost + lower.cost < best.cost) best = join(upper, lower);
        }
      }
      // 3. Side by side: the first j stories on the left of column c, the rest on the right.
      for (let c = c0 + 1; c < c1; c++) {
        for (let j = 1; j <= m; j++) {
          const left = solve(c0, c, r0, r1, k, j);
          if (left.cost >= best.cost) continue;
          const right = solve(c, c1, r0, r1, k + j, m - j);
          if (right.cost === Infinity) continue;
          let cost = left.cost + right.cost;
          let butting: string | undefined;
          // The heads that meet across the cut: the left region's right edge and the right region's left edge.
          for (const a of left.rightHeads) {
            for (const b of right.leftHeads) {
              if (a.row < b.end && b.row < a.end && Math.abs(a.step - b.step) < 2) {
                cost += COSTS.butting;
                butting = `${stories[a.story]!.id} and ${stories[b.story]!.id}: headlines side by side at the same height, less than two steps of the scale apart`;
              }
            }
          }
          if (cost < best.cost) {
            const joined = beside(left, right);
            best = { ...joined, cost, faults: butting ? [...joined.faults, butting] : joined.faults };
          }
        }
      }
    }
    remember(key, k, m, best);
    return best;
  };

  const r = solve(0, cols, 0, -1, 0, stories.length);
  if (r.cost === Infinity) return undefined;
  return { placements: r.placements, fillers: r.fillers, cost: r.cost, faults: r.faults };
}

/** `a` above `b`: both touch both edges. */
function join(a: Result, b: Result): Result {
  if (a.cost === Infinity || b.cost === Infinity) return NONE;
  return { cost: a.cost + b.cost, placements: [...a.placements, ...b.placements], fillers: [...a.fillers, ...b.fillers], faults: [...a.faults, ...b.faults], leftHeads: [...a.leftHeads, ...b.leftHeads], rightHeads: [...a.rightHeads, ...b.rightHeads] };
}

/** `a` left of `b`: the left edge is `a`'s, the right edge `b`'s. */
function beside(a: Result, b: Result): Result {
  if (a.cost === Infinity || b.cost === Infinity) return NONE;
  return { cost: a.cost + b.cost, placements: [...a.placements, ...b.placements], fillers: [...a.fillers, ...b.fillers], faults: [...a.faults, ...b.faults], leftHeads: a.leftHeads, rightHeads: b.rightHeads };
}

/** A module's headline as it stands on both edges of its own region (none for a module without one). */
function edges(h: Head | undefined): Pick<Result, 'leftHeads' | 'rightHeads'> {
  return h ? { leftHeads: [h], rightHeads: [h] } : { leftHeads: [], rightHeads: [] };
}

/** The headline of story `k` set as `o` at row `r0`: from the module's top over its `headRows` (two rows when unknown). */
function headOf(k: number, o: StoryOption, r0: number): Head | undefined {
  if (!(o.headline > 0)) return undefined;
  return { row: r0, end: r0 + Math.max(1, o.headRows ?? 2), step: o.step ?? DEFAULT_STEP, story: k };
}
