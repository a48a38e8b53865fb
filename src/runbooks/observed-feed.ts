// What the console sees (services DOWN, panels past crit, the war room's firing alerts), for the
// runbook pane to put the matching section first. Derived from the checks, metrics and alerts the
// store holds; the feed in capability.ts writes it only when these facts change, so it costs no
// extra frames.
import type { ObservedAlert } from './alert-match.js';
import type { ObservedState } from './symptoms.js';

/** An alert as the store holds it (the alerts pane's view), the parts the suggestion reads. */
export interface ObservedAlertSource {
  name: string;
  state: string;
  labels: Readonly<Record<string, string>>;
  summary: string | null;
  runbookUrl: string | null;
  service: string | null;
}

/** The parts of the console's state the facts are read from (the store's checks, metrics and alerts). */
export interface ObservedSource {
  checks: { rows: Record<string, { state: string; service: string }> };
  metrics: { panels: readonly { state: string; staleSince: number | null; title: string }[] };
  alerts: { list: readonly ObservedAlertSource[] };
}

/** The facts the runbook's symptom matching reads, from the current state. */
export function observedFrom(state: ObservedSource): ObservedState {
  const rows = Object.values(state.checks.rows);
  const down = new Set(rows.filter((row) => row.state === 'DOWN').map((row) => row.service));
  // A stale panel (its source stopped answering, as when the service behind it is down) shows its
  // last value, but nobody sees that value now: it does not count as critical.
  const critPanels = state.metrics.panels.filter((panel) => panel.state === 'crit' && panel.staleSince === null).map((panel) => panel.title);
  return {
    downServices: [...down].sort(),
    critPanels: critPanels.sort(),
    allDown: rows.length > 0 && rows.every((row) => row.state === 'DOWN'),
    alerts: observedAlerts(state.alerts.list),
  };
}

/**
 * The alerts that fire, in a stable order. A silenced one still counts (acknowledging an alert
 * does not fix what it says); a pending one (Prometheus' `for:` not yet met) does not yet.
 */
function observedAlerts(list: readonly ObservedAlertSource[]): ObservedAlert[] {
  const out: ObservedAlert[] = [];
  for (const alert of list) {
    if (alert.state === 'pending') continue;
    const named = alert.labels.service ?? alert.labels.app ?? alert.labels.job;
    const services = [...new Set([named, alert.service].filter((s): s is string => s !== undefined && s !== null && s !== ''))];
    out.push({ name: alert.name, summary: alert.summary, services, runbookUrl: alert.runbookUrl });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** True when two observations name the same facts. */
export function sameObserved(a: ObservedState, b: ObservedState): boolean {
  return a.allDown === b.allDown && a.downServices.join('\0') === b.downServices.join('\0') && a.critPanels.join('\0') === b.critPanels.join('\0') && JSON.stringify(a.alerts ?? []) === JSON.stringify(b.alerts ?? []);
}
