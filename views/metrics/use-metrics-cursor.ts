// The metrics pane's own state (ink-ui style: a reducer with named actions): the selected panel
// and whether its braille chart is open. Kept across the pane's unmounts (pane-state.tsx).
import { usePaneReducer } from '../panes/pane-state.js';

/** The metrics pane's cursor. */
export interface MetricsCursor {
  /** Index of the selected panel (clamped to the panels shown). */
  selected: number;
  chartOpen: boolean;
}

/** What can happen to the cursor; `count` is the number of panels shown. */
export type MetricsCursorAction =
  | { type: 'select'; step: number; count: number }
  | { type: 'open-chart' }
  | { type: 'close-chart' };

/** The selected index for `count` panels: panels can go while one is selected. */
export function selectedPanel(cursor: MetricsCursor, count: number): number {
  return Math.max(0, Math.min(cursor.selected, count - 1));
}

/** Pure transition function of the cursor. */
export function metricsCursorReducer(cursor: MetricsCursor, action: MetricsCursorAction): MetricsCursor {
  switch (action.type) {
    case 'select': {
      const selected = Math.max(0, Math.min(action.count - 1, selectedPanel(cursor, action.count) + action.step));
      return selected === cursor.selected ? cursor : { ...cursor, selected };
    }
    case 'open-chart':
      return { ...cursor, chartOpen: true };
    case 'close-chart':
      return { ...cursor, chartOpen: false };
  }
}

const INITIAL: MetricsCursor = { selected: 0, chartOpen: false };

/** The cursor as the pane's state. */
export function useMetricsCursor() {
  return usePaneReducer('metrics', metricsCursorReducer, INITIAL);
}
