// The rows the timeline pane fills (layout.ts shares a column's rows by it): its status line and
// one per event.
import { MANY_ROWS, type PaneRows } from '../panes/pane-entry.js';
import { useWarroom } from '../store-context.js';

/** The rows the timeline can use now. */
export function useTimelineRows(): PaneRows {
  const events = useWarroom((s) => Math.min(s.timeline.events.length, MANY_ROWS));
  return { wants: 1 + Math.max(1, events), least: 3 };
}
