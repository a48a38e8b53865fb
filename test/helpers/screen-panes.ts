// Reads the console's panes back from a captured screen (tmux capture-pane): each pane's frame
// title, whether it is folded to its title line, and the rows drawn inside its frame. Layout tests
// assert on what a user sees in each pane, not on the numbers the layout computed. A wide screen
// is two columns of panes above a band across the full width (the logs).

/** One pane as drawn on the screen. */
export interface DrawnPane {
  key: string;
  title: string;
  focused: boolean;
  folded: boolean;
  /** The rows inside the frame, borders removed, right-trimmed. */
  rows: string[];
}

const TOP = /^(?:[┌╔][─═]|──)[ ▶](\d?) ([A-Z][a-z]+)/;

/** The panes in one column of text (a stacked screen, or one half of the grid). */
function panesIn(lines: readonly string[]): DrawnPane[] {
  const panes: DrawnPane[] = [];
  let open: DrawnPane | null = null;
  for (const line of lines) {
    const top = TOP.exec(line);
    if (top) {
      const folded = line.startsWith('──');
      const pane: DrawnPane = { key: top[1]!, title: top[2]!, focused: line.includes('▶'), folded, rows: [] };
      panes.push(pane);
      open = folded ? null : pane;
      continue;
    }
    if (!open) continue;
    if (/^[└╚]/.test(line)) {
      open = null;
      continue;
    }
    const inner = /^[│║](.*)[│║]\s*$/.exec(line);
    if (inner) open.rows.push(inner[1]!.trimEnd());
  }
  return panes;
}

/** The index of the first line of a pane spanning the whole width below the columns split at `gridAt`, or the line count. */
export function bandStart(lines: readonly string[], gridAt: number): number {
  // Its top rule runs on past the split: no corner, title or side of a right-hand pane there.
  const at = lines.findIndex((line) => TOP.test(line) && /^[─═]+[┐╗]?\s*$/.test([...line].slice(gridAt).join('')));
  return at < 0 ? lines.length : at;
}

/**
 * Every pane on `screen`; with `gridAt`, the screen is two columns split at that column (left
 * column's panes first), above a pane spanning the full width (the logs on a wide terminal), if any.
 */
export function drawnPanes(screen: string, gridAt?: number): DrawnPane[] {
  const lines = screen.split('\n');
  if (gridAt === undefined) return panesIn(lines);
  const band = bandStart(lines, gridAt);
  const columns = lines.slice(0, band);
  // Columns are counted in characters: box drawing and the demo's text are one cell each.
  return [
    ...panesIn(columns.map((l) => [...l].slice(0, gridAt).join(''))),
    ...panesIn(columns.map((l) => [...l].slice(gridAt).join(''))),
    ...panesIn(lines.slice(band)),
  ];
}

/** The pane titled `title`; throws with the screen when it is not drawn. */
export function paneTitled(panes: readonly DrawnPane[], title: string, screen: string): DrawnPane {
  const pane = panes.find((p) => p.title === title);
  if (!pane) throw new Error(`no ${title} pane on the screen:\n${screen}`);
  return pane;
}

/** How many rows inside the pane are blank. */
export function blankRows(pane: DrawnPane): number {
  return pane.rows.filter((row) => row.trim() === '').length;
}
