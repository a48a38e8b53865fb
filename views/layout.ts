// Where the slots of the pane registry go on screen, and how many rows each gets. Slots come in
// registry order; a narrow terminal stacks them. A wide one puts the stream (the logs, a `band`
// slot) across the full width below, and the other slots in two columns above it: log lines are
// read across, and a new line then moves only the band's rows (the terminal scrolls them as one
// region) instead of every row of a column beside other panes. Space follows content: each slot
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
  /** A stream read across (the logs): on a wide terminal it spans the full width below the columns. */
  band?: boolean;
}

/** Where one slot goes on screen; a height of 1 is a folded slot (its title line only). */
export interface SlotBox {
  slot: string;
  width: number;
  height: number;
}

/**
 * The slots arranged as columns of boxes side by side (a column's heights add up to at most the
 * columns' height), and the band spanning the full width below them, if any.
 */
export interface Layout {
  columns: SlotBox[][];
  band?: SlotBox;
}

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
/**
 * The share of the rows the band keeps however much the columns above want (at 160x48, 14 of 45:
 * ten log lines between the pane's counts and its status line).
 */
const BAND_SHARE = 0.3;

/** Whether `columns` x `height` lays `count` slots out in two columns. */
export function isGrid(columns: number, height: number, count: number): boolean {
  return columns >= GRID_MIN.columns && height >= GRID_MIN.rows - 2 && count > 1;
}

/**
 * Heights (frame included) for `needs` stacked in `height` rows. Every slot first gets the least
 * worth showing (the focused one its share of the column), folding the lowest-priority others while
 * that does not fit; the rows left go one at a time to the smallest slot whose content wants more
 * (so no pane keeps blank rows while another is cut), then unfold a folded slot if they can show
 * some of it, then go to a slot's `extra`; rows nobody wants go to the focused slot (or the last shown).
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
  // The rest to the focused slot, else the last one shown: a folded slot given a row or two would
  // draw an empty frame instead of its title line and badge.
  if (left > 0 && size.length > 0) {
    let shown = size.length - 1;
    while (shown > 0 && size[shown]! <= FOLDED) shown--;
    size[focused >= 0 && size[focused]! > FOLDED ? focused : shown]! += left;
  }
  return size;
}


/**
 * Arranges the slots of `needs` in `columns` x `height` cells: the focused slot alone when zoomed;
 * on a wide terminal the band slot across the full width below two columns of the others; else
 * stacked. Within a column rows follow content (shareColumn).
 */
export function computeLayout(columns: number, height: number, needs: readonly SlotNeed[], focus: string, zoomed: boolean): Layout {
  if (zoomed) return { columns: [[{ slot: focus, width: columns, height }]] };
  if (!isGrid(columns, height, needs.length)) return { columns: [place(needs, columns, height, focus)] };
  const band = needs.find((need) => need.band === true);
  const above = needs.filter((need) => need !== band);
  const bandHeight = band ? bandRows(height, band, above, focus) : 0;
  const aboveHeight = height - bandHeight;
  const inLeft = splitColumns(above, height);
  const left = above.length > 1 ? Math.floor(columns / 2) : columns;
  const laidOut: SlotBox[][] = [place(above.filter((_, i) => inLeft[i]), left, aboveHeight, focus)];
  if (above.length > 1) laidOut.push(place(above.filter((_, i) => !inLeft[i]), columns - left, aboveHeight, focus));
  return band && bandHeight > 0 ? { columns: laidOut, band: { slot: band.slot, width: columns, height: bandHeight } } : { columns: laidOut };
}

/** One column of `width` x `height`: its slots' heights shared by content, slots left out dropped. */
function place(column: readonly SlotNeed[], width: number, height: number, focus: string): SlotBox[] {
  const heights = shareColumn(height, column, focus);
  return column.map((need, i) => ({ slot: need.slot, width, height: heights[i]! })).filter((box) => box.height > 0);
}

/** Rows a slot's frame and content take whole in a column of `height`: a notice folded unless focused, the focused one with its extra. */
function wholeRows(need: SlotNeed, height: number, focus: string): number {
  if (need.notice && need.slot !== focus) return FOLDED;
  const extra = need.slot === focus ? (need.extra ?? 0) : 0;
  return Math.min(height, FRAME_ROWS + Math.max(0, need.wants) + extra);
}

/** Rows a slot takes at the least worth drawing (a notice folded unless focused). */
function leastRows(need: SlotNeed, height: number, focus: string): number {
  if (need.notice && need.slot !== focus) return FOLDED;
  return Math.min(wholeRows(need, height, focus), FRAME_ROWS + Math.max(1, need.least));
}

/** The rows of the taller column of `above` split by `inLeft`, each slot counted by `rows`. */
function tallerColumn(above: readonly SlotNeed[], inLeft: readonly boolean[], rows: (need: SlotNeed) => number): number {
  let left = 0;
  let right = 0;
  above.forEach((need, i) => {
    if (inLeft[i]) left += rows(need);
    else right += rows(need);
  });
  return Math.max(left, right);
}

/**
 * The band's rows: what the columns above leave once their panes are whole (the focused one with
 * its extra), at least its share of the screen; when the band is focused, all but what the panes
 * above need at the least. Never more than its content wants (a short timeline); folded while it
 * only has a notice and the panes above want the rows.
 */
function bandRows(height: number, band: SlotNeed, above: readonly SlotNeed[], focus: string): number {
  const focused = band.slot === focus;
  if (above.length === 0) return height;
  const full = Math.min(height - FOLDED, FRAME_ROWS + Math.max(0, band.wants));
  const inLeft = splitColumns(above, height);
  if (band.notice && !focused) {
    // Open only where the panes above, extras and all, leave the rows unwanted.
    const wanted = tallerColumn(above, inLeft, (need) => (need.notice ? FOLDED : Math.min(height, FRAME_ROWS + Math.max(0, need.wants) + (need.extra ?? 0))));
    return height - wanted >= full ? full : FOLDED;
  }
  const columns = [above.filter((_, i) => inLeft[i]), above.filter((_, i) => !inLeft[i])];
  const floor = Math.max(FRAME_ROWS + Math.max(1, band.least), Math.ceil(height * BAND_SHARE));
  const most = height - floor;
  const whole = Math.min(most, tallerColumn(above, inLeft, (need) => wholeRows(need, height, focus)));
  // Focused, the panes above shrink towards the least worth showing.
  const from = focused ? Math.min(whole, tallerColumn(above, inLeft, (need) => leastRows(need, height, focus))) : whole;
  // As far as their columns still fill every row: a column of whole panes with no extra to show
  // (or too few rows to draw it) would keep blank rows beside the other.
  let aboveRows = from;
  for (let tried = from; tried <= (focused ? whole : most); tried++) {
    if (columns.every((column) => blankRowsIn(column, tried, focus) === 0)) {
      aboveRows = tried;
      break;
    }
  }
  return Math.max(FOLDED, Math.min(full, height - aboveRows));
}

/** Rows of a column of `height` that no slot's content (extra included) fills once shared. */
function blankRowsIn(column: readonly SlotNeed[], height: number, focus: string): number {
  if (column.length === 0) return 0;
  const heights = shareColumn(height, column, focus);
  let filled = 0;
  column.forEach((need, i) => {
    const size = heights[i]!;
    const whole = FRAME_ROWS + Math.max(0, need.wants);
    // An extra is drawn only in EXTRA_LEAST rows or more; fewer stay blank.
    const content = whole + (size - whole >= EXTRA_LEAST ? (need.extra ?? 0) : 0);
    filled += size <= FOLDED || (need.stretches && size > whole) ? size : Math.min(size, content);
  });
  return height - filled;
}

/**
 * Which slots go in the left column: the split whose taller column is shortest when every pane
 * is whole (so the band below gets the most rows), counting as taller the rows the shorter column
 * cannot fill with more of its panes (a chart, the runbook's outline) and would leave blank;
 * registry order kept in each column. The first slot (the board)
 * stays on the left, the screen keeps its corner; of equal splits the usual one (slots
 * alternating left and right) is kept. Focus is left out: panes do not change columns when
 * another is focused.
 */
function splitColumns(above: readonly SlotNeed[], height: number): boolean[] {
  const usual = above.map((_, i) => i % 2 === 0);
  if (above.length < 2) return above.map(() => true);
  const rows = (need: SlotNeed) => wholeRows(need, height, '');
  const withExtra = (need: SlotNeed) => (need.notice ? FOLDED : Math.min(height, rows(need) + (need.extra ?? 0)));
  const score = (inLeft: readonly boolean[]) => {
    const taller = tallerColumn(above, inLeft, rows);
    // Rows a column cannot fill even with its extras, beside the taller column.
    let blank = 0;
    for (const side of [true, false]) {
      let filled = 0;
      above.forEach((need, i) => {
        if (inLeft[i] === side) filled += withExtra(need);
      });
      blank += Math.max(0, taller - filled);
    }
    return { taller, blank };
  };
  let best = usual;
  let bestScore = score(usual);
  // Every split of a handful of slots (the registry has six at most): 2^n tries of arithmetic.
  for (let mask = 1; mask < (1 << above.length) - 1; mask += 2) {
    const inLeft = above.map((_, i) => (mask & (1 << i)) !== 0);
    const next = score(inLeft);
    // A blank row beside the taller column is as lost to the operator as a row taken from the band.
    const [cost, bestCost] = [next.taller + next.blank, bestScore.taller + bestScore.blank];
    if (cost < bestCost || (cost === bestCost && next.blank < bestScore.blank)) {
      best = inLeft;
      bestScore = next;
    }
  }
  return best;
}
