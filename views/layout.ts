import { PANES, type PaneId } from '../src/store/ui.js';

/** Where one pane goes on screen. */
export interface PaneBox {
  pane: PaneId;
  width: number;
  height: number;
}

/** The panes arranged as rows of boxes; total height never exceeds `height`. */
export type Layout = PaneBox[][];

/** Width and height from which the four panes sit in a 2x2 grid. */
export const GRID_MIN = { columns: 120, rows: 30 };

/**
 * Arranges the four panes in `columns` x `height` cells: the focused pane alone when zoomed,
 * a 2x2 grid on large terminals, else stacked with the focused pane given the most room (at
 * 80x24 four equal slices would leave each pane two lines).
 */
export function computeLayout(columns: number, height: number, focus: PaneId, zoomed: boolean): Layout {
  if (zoomed) return [[{ pane: focus, width: columns, height }]];
  if (columns >= GRID_MIN.columns && height >= GRID_MIN.rows - 2) {
    const left = Math.floor(columns / 2);
    const top = Math.floor(height / 2);
    return [
      [
        { pane: 'status', width: left, height: top },
        { pane: 'logs', width: columns - left, height: top },
      ],
      [
        { pane: 'metrics', width: left, height: height - top },
        { pane: 'runbook', width: columns - left, height: height - top },
      ],
    ];
  }
  // Five rows leave three inside the frame: the least a pane needs for a status line and content.
  const minimum = 5;
  const others = PANES.length - 1;
  const focused = Math.max(minimum, height - others * Math.max(minimum, Math.floor(height / 6)));
  const rest = height - focused;
  return PANES.map((pane, i) => {
    if (pane === focus) return [{ pane, width: columns, height: focused }];
    const index = PANES.filter((p) => p !== focus).indexOf(pane);
    const share = Math.floor(rest / others) + (index < rest % others ? 1 : 0);
    return [{ pane, width: columns, height: share }];
  }).filter((row, i) => (row[0]?.height ?? 0) >= minimum || PANES[i] === focus);
}
