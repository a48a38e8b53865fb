// The timeline pane's key handling (ink-ui's input hook): scroll, filter by kind, local/UTC.
// Only while the pane has focus.
import { useCommands } from '../keys/dispatcher.js';
import type { TimelineCursorAction } from './use-timeline-cursor.js';

/** Binds the timeline scope's commands; `count` events are shown under the filter. */
export function useTimelineKeys(dispatch: (action: TimelineCursorAction) => void, count: number, isFocused: boolean): void {
  useCommands(
    {
      'timeline.down': () => dispatch({ type: 'scroll', delta: -1, count }),
      'timeline.up': () => dispatch({ type: 'scroll', delta: 1, count }),
      'timeline.filter': () => dispatch({ type: 'cycle-filter' }),
      'timeline.utc': () => dispatch({ type: 'toggle-utc' }),
    },
    isFocused,
  );
}
