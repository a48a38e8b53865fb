// Reads the console's panes back from a captured screen (tmux capture-pane): each pane's frame
// title, whether it is folded to its title line, and the rows drawn inside its frame. Layout tests
// assert on what a user sees in each pane, not on the numbers the layout computed.

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

/** Every pane on `screen`; with `gridAt`, the screen is two columns split at that column. */
export function drawnPanes(screen: string, gridAt?: number): DrawnPane[] {
  const lines = screen.split('\n');
  if (gridAt === undefined) return panesIn(lines);
  // Columns are counted in characters: box drawing and the demo's text are one cell each.
  return [...panesIn(lines.map((l) => [...l].slice(0, gridAt).join(''))), ...panesIn(lines.map((l) => [...l].slice(gridAt).join('')))];
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
