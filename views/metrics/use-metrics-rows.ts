// The rows the metrics pane fills (layout.ts shares a column's rows by it): one per panel, or the
// selected panel's chart.
import type { PaneRows } from '../panes/pane-entry.js';
import { useWarroom } from '../store-context.js';
import { useMetricsCursor } from './use-metrics-cursor.js';

/** Rows a braille chart reads well in. */
const CHART_ROWS = 14;

/** The rows the metrics pane can use now. */
export function useMetricsRows(): PaneRows {
  const panels = useWarroom((s) => s.metrics.panels.length);
  const canAdd = useWarroom((s) => s.metrics.actions !== null);
  const [cursor] = useMetricsCursor();
  if (panels === 0) return { wants: canAdd ? 3 : 2, least: 2, notice: 'no panels' };
  if (cursor.chartOpen) return { wants: CHART_ROWS, least: 6 };
  return { wants: panels, least: Math.min(panels, 2) };
}
