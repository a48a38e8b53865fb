// The rows the logs pane fills (layout.ts shares a column's rows by it): a stream can always use
// more; the source counts and the status line take two of them.
import { MANY_ROWS, type PaneRows } from '../panes/pane-entry.js';
import { useWarroom } from '../store-context.js';

/** The rows the logs pane can use now. */
export function useLogsRows(): PaneRows {
  const configured = useWarroom((s) => s.logs.ring !== null);
  // Two lines of log between the counts and the status line are the least worth drawing.
  return configured ? { wants: MANY_ROWS, least: 4 } : { wants: 2, least: 2, notice: 'no log sources configured' };
}
