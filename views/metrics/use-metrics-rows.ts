// The rows the metrics pane fills (layout.ts shares a column's rows by it): one per panel, or the
// selected panel's chart; below the panels, in rows no other pane wants, the selected one's chart.
import type { PaneRows } from '../panes/pane-entry.js';
import { useWarroom } from '../store-context.js';
import { useMetricsCursor } from './use-metrics-cursor.js';

/** Rows a braille chart reads well in. */
const CHART_ROWS = 14;

/** Rows of the selected panel's chart below the list, in rows no other pane wants (the least it is drawn in). */
export const CHART_BELOW = { rows: 8, least: 6 };

/** The rows the metrics pane can use now. */
export function useMetricsRows(): PaneRows {
  const panels = useWarroom((s) => s.metrics.panels.length);
  const canAdd = useWarroom((s) => s.metrics.actions !== null);
  const [cursor] = useMetricsCursor();
  if (panels === 0) return { wants: canAdd ? 3 : 2, least: 2, notice: 'no panels' };
  if (cursor.chartOpen) return { wants: CHART_ROWS, least: 6 };
  return { wants: panels, least: Math.min(panels, 2), extra: CHART_BELOW.rows, stretches: true };
}
