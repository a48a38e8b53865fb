// The pane registry: every pane of the console in one list. Layout, focus keys, Tab order, key
// dispatch and help all read it; adding a pane is its view, its slice and one line here.
import type { PaneRegistry } from './pane-entry.js';
import { AlertsPane } from './AlertsPane.js';
import { LogsPane } from './LogsPane.js';
import { MetricsPane } from './MetricsPane.js';
import { RunbookPane } from './RunbookPane.js';
import { StatusPane } from './StatusPane.js';
import { TimelinePane } from './TimelinePane.js';
import { useAlertsRows } from '../alerts/use-alerts-rows.js';
import { useLogsRows } from '../logs/use-logs-rows.js';
import { useMetricsRows } from '../metrics/use-metrics-rows.js';
import { useRunbookRows } from '../runbook/use-runbook-rows.js';
import { useStatusRows } from '../status/use-status-rows.js';
import { useTimelineRows } from '../timeline/use-timeline-rows.js';

/**
 * The console's panes, in focus (Tab) order. When rows run short the metrics fold first, the board
 * last; on a wide terminal the logs' slot spans the full width below the others.
 */
export const PANE_REGISTRY: PaneRegistry = [
  { id: 'status', title: 'Status', scope: 'status', View: StatusPane, focusKey: '1', slot: 'status', useRows: useStatusRows, priority: 4 },
  { id: 'logs', title: 'Logs', scope: 'logs', View: LogsPane, focusKey: '2', slot: 'logs', useRows: useLogsRows, priority: 3, band: true },
  { id: 'metrics', title: 'Metrics', scope: 'metrics', View: MetricsPane, focusKey: '3', slot: 'metrics', useRows: useMetricsRows, priority: 1 },
  { id: 'runbook', title: 'Runbook', scope: 'runbook', View: RunbookPane, focusKey: '4', slot: 'runbook', useRows: useRunbookRows, priority: 2 },
  // Takes the logs' slot with `T` (the key table's timeline.toggle).
  { id: 'timeline', title: 'Timeline', scope: 'timeline', View: TimelinePane, slot: 'logs', useRows: useTimelineRows, priority: 3, band: true },
  // Takes the status board's slot with `A` (alerts.toggle): the alerts beside what they are about.
  { id: 'alerts', title: 'Alerts', scope: 'alerts', View: AlertsPane, slot: 'status', useRows: useAlertsRows, priority: 4 },
];
