// The metrics pane's key handling (ink-ui's input hook): j/k select a panel, Enter opens its
// chart (zooming the pane) or closes it, Esc closes it. Only while the pane has focus.
import type { WarroomStore } from '../../src/store/store.js';
import { useCommands } from '../keys/dispatcher.js';
import type { MetricsCursorAction } from './use-metrics-cursor.js';

/** Binds the metrics scope's commands; `count` panels are shown, `showChart` says whether the chart is. */
export function useMetricsKeys(store: WarroomStore, dispatch: (action: MetricsCursorAction) => void, count: number, showChart: boolean, isFocused: boolean): void {
  const state = store.getState;
  const closeChart = () => {
    dispatch({ type: 'close-chart' });
    if (state().zoomed) state().toggleZoom();
  };
  useCommands(
    {
      'metrics.down': () => dispatch({ type: 'select', step: 1, count }),
      'metrics.up': () => dispatch({ type: 'select', step: -1, count }),
      'metrics.zoom': () => {
        if (showChart) return closeChart();
        dispatch({ type: 'open-chart' });
        if (!state().zoomed) state().toggleZoom();
      },
      'metrics.close': () => {
        if (!showChart) return false; // nothing of ours to close: Esc goes on to the global cancel
        closeChart();
      },
    },
    isFocused,
  );
}
