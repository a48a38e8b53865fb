// Tells the runbook pane what the console sees (services DOWN, panels past crit), so it can put
// the matching section first. Derived from the checks and metrics slices whenever they change;
// written only when the derived facts change, so it costs no extra frames.
import type { Capability, CapabilityFactory } from '../engine/capability.js';
import type { WarroomState, WarroomStore } from '../store/store.js';
import type { ObservedState } from './symptoms.js';

/** The facts the runbook's symptom matching reads, from the current state. */
export function observedFrom(state: WarroomState): ObservedState {
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

function sameObserved(a: ObservedState, b: ObservedState): boolean {
  return a.allDown === b.allDown && a.downServices.join('\0') === b.downServices.join('\0') && a.critPanels.join('\0') === b.critPanels.join('\0');
}

/** Keeps `runbook.observed` in step with the status board and the metrics. */
class ObservedFeed implements Capability {
  readonly name = 'runbook-observed';
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly store: WarroomStore) {}

  start(): void {
    const update = (state: WarroomState) => {
      const next = observedFrom(state);
      if (!sameObserved(next, state.runbook.observed)) state.setRunbookObserved(next);
    };
    update(this.store.getState());
    this.unsubscribe = this.store.subscribe((state, previous) => {
      if (state.checks !== previous.checks || state.metrics !== previous.metrics) update(state);
    });
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}

/** The feed, for every console (it costs nothing without checks or panels). */
export const observedFeedCapability: CapabilityFactory = (context) => new ObservedFeed(context.store);
