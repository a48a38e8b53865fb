// The pane registry: every pane of the console in one list. Layout, focus keys, Tab order, key
// dispatch and help all read it; adding a pane is its view, its slice and one line here.
import type { PaneRegistry } from './pane-entry.js';
import { LogsPane } from './LogsPane.js';
import { MetricsPane } from './MetricsPane.js';
import { RunbookPane } from './RunbookPane.js';
import { StatusPane } from './StatusPane.js';
import { TimelinePane } from './TimelinePane.js';

/** The console's panes, in focus (Tab) order. */
export const PANE_REGISTRY: PaneRegistry = [
  { id: 'status', title: 'Status', scope: 'status', View: StatusPane, focusKey: '1', slot: 'status' },
  { id: 'logs', title: 'Logs', scope: 'logs', View: LogsPane, focusKey: '2', slot: 'logs' },
  { id: 'metrics', title: 'Metrics', scope: 'metrics', View: MetricsPane, focusKey: '3', slot: 'metrics' },
  { id: 'runbook', title: 'Runbook', scope: 'runbook', View: RunbookPane, focusKey: '4', slot: 'runbook' },
  // Takes the logs' slot with `T` (the key table's timeline.toggle).
  { id: 'timeline', title: 'Timeline', scope: 'timeline', View: TimelinePane, slot: 'logs' },
];
