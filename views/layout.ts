// Where the slots of the pane registry go on screen, and how many rows each gets. Slots come in
// registry order; a wide terminal lays them out in two columns (slots alternate left and right:
// status|logs over metrics|runbook, unless another split shows more), a narrow one stacks them. Space follows content: each slot
// says how many rows it can use and how few are still worth showing, the focused one grows, a
// pane with little to show yields its rows to the others, and when rows run short the panes that
// matter least fold to their title line (still there, one key away) instead of all being cut. A
// pane that only has a notice to show ("No runbook configured.") stays folded while others want rows.

/** What a slot asks of the layout, in rows inside its frame. */
export interface SlotNeed {
  slot: string;
  /** Rows of content it can use (more would stay blank). */
  wants: number;
  /** Rows below which its content is not worth drawing: it folds to its title line instead. */
  least: number;
  /** When rows run short, slots with a lower priority fold first. */
  priority: number;
  /** All it shows is a notice: folded until no other slot wants the rows. */
  notice?: boolean;
  /**
   * Rows of something more it can show once no slot's content wants rows (the runbook's outline
   * of sections, below its steps): given before rows nobody wants are left blank.
   */
  extra?: number;
  /** Its extra can be drawn taller still (a chart): it takes a remainder too small for any other extra. */
  stretches?: boolean;
}

/** Where one slot goes on screen; a height of 1 is a folded slot (its title line only). */
export interface SlotBox {
  slot: string;
  width: number;
  height: number;
}

/** The slots arranged as columns of boxes, side by side; a column's heights add up to at most `height`. */
export type Layout = SlotBox[][];

/** Width and height from which the slots sit in two columns. */
export const GRID_MIN = { columns: 120, rows: 30 };

/** The frame's top and bottom rules. */
export const FRAME_ROWS = 2;
/** A folded slot: its top rule with the title. */
export const FOLDED = 1;
/** The fewest rows of a slot's `extra` worth giving (a rule and two lines). */
export const EXTRA_LEAST = 3;
/** The share of a column the focused slot gets, if its content can use it. */
const FOCUS_SHARE = 0.4;

/** Whether `columns` x `height` lays `count` slots out in two columns. */
export function isGrid(columns: number, height: number, count: number): boolean {
  return columns >= GRID_MIN.columns && height >= GRID_MIN.rows - 2 && count > 1;
}

/**
 * Heights (frame included) for `needs` stacked in `height` rows. Every slot first gets the least
 * worth showing (the focused one its share of the column), folding the lowest-priority others while
 * that does not fit; the rows left go one at a time to the smallest slot whose content wants more
 * (so no pane keeps blank rows while another is cut), then unfold a folded slot if they can show
 * some of it, then go to a slot's `extra`; rows nobody wants go to the focused slot (or the last).
 */
export function shareColumn(height: number, needs: readonly SlotNeed[], focus: string): number[] {
  const full = needs.map((n) => Math.min(height, FRAME_ROWS + Math.max(0, n.wants)));
  const floor = needs.map((n, i) => {
    if (n.notice && n.slot !== focus) return FOLDED;
    const least = Math.min(full[i]!, FRAME_ROWS + Math.max(1, n.least));
    return n.slot === focus ? Math.min(full[i]!, Math.max(least, Math.ceil(height * FOCUS_SHARE))) : least;
  });
  const size = [...floor];
  const total = () => size.reduce((a, b) => a + b, 0);
  // Fold the least important first (the later one of equal priority); a notice before anything.
  const rank = (n: SlotNeed) => (n.notice ? -Infinity : n.priority);
  const foldOrder = needs
    .map((n, i) => ({ n, i }))
    .filter(({ n }) => n.slot !== focus)
    .sort((a, b) => rank(a.n) - rank(b.n) || b.i - a.i)
    .map(({ i }) => i);
  for (const i of foldOrder) {
    if (total() <= height) break;
    size[i] = FOLDED;
  }
  const focused = needs.findIndex((n) => n.slot === focus);
  if (total() > height && focused >= 0) size[focused] = Math.max(FOLDED, size[focused]! - (total() - height));
  // Still too many even folded (a tiny terminal): leave out the least important.
  for (const i of foldOrder) {
    if (total() <= height) break;
    size[i] = 0;
  }
  let left = height - total();
  while (left > 0) {
    let pick = -1;
    needs.forEach((n, i) => {
      if (size[i]! <= FOLDED || size[i]! >= full[i]!) return;
      const better = pick < 0 || size[i]! < size[pick]! || (size[i] === size[pick] && n.slot === focus);
      if (better) pick = i;
    });
    if (pick >= 0) {
      size[pick]! += 1;
      left -= 1;
      continue;
    }
    // Nothing shown wants more: a folded slot opens if at least one row of it can show.
    const unfold = [...foldOrder].reverse().find((i) => size[i] === FOLDED && full[i]! > FOLDED);
    if (unfold === undefined || left < FRAME_ROWS) break;
    const grown = Math.min(full[unfold]!, FOLDED + left);
    left -= grown - FOLDED;
    size[unfold] = grown;
  }
  // Rows no content wants: to a slot with more to show, in registry order, when they are enough
  // to draw it (EXTRA_LEAST); the rest to the focused slot.
  needs.forEach((n, i) => {
    if (left < EXTRA_LEAST || !n.extra || size[i]! <= FOLDED) return;
    const grow = Math.max(0, Math.min(left, Math.min(height, full[i]! + n.extra) - size[i]!));
    size[i]! += grow;
    left -= grow;
  });
  // A remainder too small for another extra (the outline's rule and two sections): a chart given
  // its rows draws taller instead of the focused pane keeping blank rows.
  const stretch = needs.findIndex((n, i) => n.stretches === true && n.extra !== undefined && size[i]! > full[i]!);
  if (left > 0 && stretch >= 0) {
    size[stretch]! += left;
    left = 0;
  }
  if (left > 0 && size.length > 0) size[focused >= 0 ? focused : size.length - 1]! += left;
  return size;
}

/**
 * Arranges the slots of `needs` in `columns` x `height` cells: the focused slot alone when zoomed,
 * two columns on large terminals, else stacked; within a column rows follow content (shareColumn).
 */
export function computeLayout(columns: number, height: number, needs: readonly SlotNeed[], focus: string, zoomed: boolean): Layout {
  if (zoomed) return [[{ slot: focus, width: columns, height }]];
  const place = (column: readonly SlotNeed[], width: number): SlotBox[] => {
    const heights = shareColumn(height, column, focus);
    return column.map((need, i) => ({ slot: need.slot, width, height: heights[i]! })).filter((box) => box.height > 0);
  };
  if (isGrid(columns, height, needs.length)) {
    const left = Math.floor(columns / 2);
    const inLeft = gridColumns(height, needs, focus);
    return [place(needs.filter((_, i) => inLeft[i]), left), place(needs.filter((_, i) => !inLeft[i]), columns - left)];
  }
  return [place(needs, columns)];
}

/** Rows of content a column of `needs` shows in `height` rows: of panes that can be shown whole, and in all. */
function shownRows(height: number, needs: readonly SlotNeed[], focus: string): { whole: number; all: number } {
  const heights = shareColumn(height, needs, focus);
  let whole = 0;
  let all = 0;
  needs.forEach((need, i) => {
    // A notice ("no runbook configured") is not content: moving a pane to open one gains nothing.
    const shown = heights[i]! > FOLDED && !need.notice ? Math.min(heights[i]! - FRAME_ROWS, Math.max(0, need.wants)) : 0;
    all += shown;
    // A stream (the logs) always wants more: its rows count, but a pane's whole content first.
    if (need.wants <= height) whole += shown;
  });
  return { whole, all };
}

/** A split must show this many more rows to leave the usual columns (panes stay put otherwise). */
const MOVE_GAIN = 3;

/**
 * Which slots go in the left column: they alternate (status|logs over metrics|runbook) unless
 * another split, registry order kept in each column, shows more: first more of the panes that
 * can be shown whole, then more rows in all. A column whose panes leave rows blank takes a pane
 * the other column cuts (at 160x45 the board and the metrics left half their column blank while
 * the runbook cut the logs short); a pane is never moved to where it would be cut instead.
 */
function gridColumns(height: number, needs: readonly SlotNeed[], focus: string): boolean[] {
  const split = (inLeft: readonly boolean[]) => {
    const left = shownRows(height, needs.filter((_, i) => inLeft[i]), focus);
    const right = shownRows(height, needs.filter((_, i) => !inLeft[i]), focus);
    return { whole: left.whole + right.whole, all: left.all + right.all };
  };
  const usual = needs.map((_, i) => i % 2 === 0);
  const base = split(usual);
  let best = usual;
  let bestScore = { whole: base.whole, all: base.all + MOVE_GAIN - 1 };
  // Every split of a handful of slots (the registry has six at most): 2^n tries of arithmetic.
  for (let mask = 1; mask < (1 << needs.length) - 1; mask++) {
    // The first slot (the board) stays on the left: the screen keeps its corner.
    if ((mask & 1) === 0) continue;
    const inLeft = needs.map((_, i) => (mask & (1 << i)) !== 0);
    const score = split(inLeft);
    if (score.whole > bestScore.whole || (score.whole === bestScore.whole && score.all > bestScore.all)) {
      best = inLeft;
      bestScore = score;
    }
  }
  return best;
}
