// The logs pane's own state (filter, minimum level, hidden sources, pause, scroll, selection) as
// a pane reducer: the engine's pure reducer over the ring (src/logs/pane-state.ts), applied to the
// ring and the height the pane shows when the key was pressed. Kept across the pane's unmounts, so
// a filter survives `T`, zoom and dialogs.
import { INITIAL_LOGS_PANE, reduceLogsPane, type LogsPaneAction, type LogsPaneState } from '../../src/logs/pane-state.js';
import type { LogRingBuffer } from '../../src/logs/ring-buffer.js';
import { usePaneReducer } from '../panes/pane-state.js';

/** One pane action with the ring and the lines shown it applies to. */
export interface LogsCursorAction {
  action: LogsPaneAction;
  ring: LogRingBuffer;
  height: number;
}

function reduce(state: LogsPaneState, { action, ring, height }: LogsCursorAction): LogsPaneState {
  return reduceLogsPane(state, action, ring, height);
}

/** The logs pane's state and its dispatch. */
export function useLogsCursor() {
  return usePaneReducer('logs', reduce, INITIAL_LOGS_PANE);
}
