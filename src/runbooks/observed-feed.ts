// What the console sees (services DOWN, panels past crit), for the runbook pane to put the
// matching section first. Derived from the checks and metrics the store holds; the feed in
// capability.ts writes it only when these facts change, so it costs no extra frames.
import type { ObservedState } from './symptoms.js';

/** The parts of the console's state the facts are read from (the store's checks and metrics). */
export interface ObservedSource {
  checks: { rows: Record<string, { state: string; service: string }> };
  metrics: { panels: readonly { state: string; staleSince: number | null; title: string }[] };
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
  };
}

/** True when two observations name the same facts. */
export function sameObserved(a: ObservedState, b: ObservedState): boolean {
  return a.allDown === b.allDown && a.downServices.join('\0') === b.downServices.join('\0') && a.critPanels.join('\0') === b.critPanels.join('\0');
}
