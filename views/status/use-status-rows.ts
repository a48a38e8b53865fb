// The rows the status board fills (layout.ts shares a column's rows by it): the summary, the
// column header and one row per check, or the details view of the selected row.
import type { PaneRows } from '../panes/pane-entry.js';
import { useWarroom } from '../store-context.js';
import { worstFirst } from '../../src/probes/board-format.js';
import type { CheckRow } from '../../src/store/checks.js';
import { reasonOf } from './status-columns.js';
import { selectedIndex, useStatusCursor, type StatusCursor } from './use-status-cursor.js';

/** Rows of the details view: the check, its reason, the body excerpt and the last transitions. */
const DETAILS_ROWS = 18;

/** The rows the board can use now. */
export function useStatusRows(): PaneRows {
  const [cursor] = useStatusCursor();
  // The whole console re-renders when this changes (the layout reads it): the store is asked
  // only for the numbers it needs, so a probe result that changes a latency, not the rows the
  // board wants, re-renders the board alone.
  const count = useWarroom((s) => s.checks.ids.length);
  const reason = useWarroom((s) => (count === 0 || cursor.details ? 0 : selectedHasReason(s.checks, cursor)));
  if (count === 0) return { wants: 2, least: 2, notice: 'no checks configured' };
  if (cursor.details) return { wants: DETAILS_ROWS, least: 6 };
  // Three rows are the least worth drawing: the worst ones (the board sorts worst first).
  // (Short of rows, the reason ends the summary line instead.)
  return { wants: count + 2 + reason, least: 2 + Math.min(count, 3) };
}

/** 1 when the selected row, as the pane finds it, has a reason (a line under it), else 0. */
function selectedHasReason(checks: { ids: readonly string[]; rows: Readonly<Record<string, CheckRow | undefined>> }, cursor: StatusCursor): 0 | 1 {
  const all = checks.ids.map((id) => checks.rows[id]).filter((r): r is CheckRow => r !== undefined);
  const rows = cursor.sort === 'worst-first' ? worstFirst(all) : all;
  const selected = rows[selectedIndex(cursor, rows.map((r) => r.id))];
  return selected && reasonOf(selected) !== null ? 1 : 0;
}
