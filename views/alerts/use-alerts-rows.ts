// The rows the alerts pane fills (layout.ts shares a column's rows by it): its status line, one
// per alert (or the "none firing" line), the selected alert's detail line, and the silences and
// Grafana lines when there are any.
import type { PaneRows } from '../panes/pane-entry.js';
import { useWarroom } from '../store-context.js';

/** The rows the alerts pane can use now. */
export function useAlertsRows(): PaneRows {
  const configured = useWarroom((s) => s.alerts.source !== null);
  const alerts = useWarroom((s) => s.alerts.list.length);
  const silences = useWarroom((s) => s.alerts.silences.length > 0);
  const grafana = useWarroom((s) => s.alerts.annotations !== null);
  if (!configured) return { wants: 2 + (grafana ? 1 : 0), least: 1, notice: 'no alerts configured' };
  // One more for the line under the selected alert (its board rows and runbook link).
  return { wants: 1 + Math.max(1, alerts) + (alerts > 0 ? 1 : 0) + (silences ? 1 : 0) + (grafana ? 1 : 0), least: 3 };
}
