// Editorial rules checked on a composed page after the search, where they are not part of its cost: each broken one is
// a fault in the page's report, with the page and the stories (docs/composer.md, "Rank rules").

/** The page's largest picture is at least this many times the area of any other: one picture dominates. */
export const DOMINANT = 1.5;

/** A story's picture as placed: its article, its priority on the page (0 the lead) and its area, points². */
export interface PlacedPicture {
  readonly article: string;
  readonly rank: number;
  readonly area: number;
}

/**
 * The fault when no picture dominates a page that has more than one: the largest is less than DOMINANT times the next.
 * Undefined when one dominates, or the page has one picture or none.
 */
export function dominanceFault(page: number, pictures: readonly PlacedPicture[]): string | undefined {
  const bySize = [...pictures].sort((a, b) => b.area - a.area || a.rank - b.rank);
  if (bySize.length < 2 || bySize[0]!.area >= DOMINANT * bySize[1]!.area) return undefined;
  return `page ${page}: no picture dominates: ${bySize[0]!.article}'s and ${bySize[1]!.article}'s are within ${Math.round((DOMINANT - 1) * 100)} % of each other in area`;
}
