// The rows the status board fills (layout.ts shares a column's rows by it): the summary, the
// column header and one row per check, or the details view of the selected row.
import type { PaneRows } from '../panes/pane-entry.js';
import { useWarroom } from '../store-context.js';
import { useStatusCursor } from './use-status-cursor.js';

/** Rows of the details view: the check, its reason, the body excerpt and the last transitions. */
const DETAILS_ROWS = 18;

/** The rows the board can use now. */
export function useStatusRows(): PaneRows {
  const count = useWarroom((s) => s.checks.ids.length);
  const [cursor] = useStatusCursor();
  if (count === 0) return { wants: 2, least: 2, notice: 'no checks configured' };
  if (cursor.details) return { wants: DETAILS_ROWS, least: 6 };
  // Three rows are the least worth drawing: the worst ones (the board sorts worst first).
  return { wants: count + 2, least: 2 + Math.min(count, 3) };
}
