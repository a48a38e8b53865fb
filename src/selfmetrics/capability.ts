// Feeds warroom's own /metrics from what the console already has: check states from the store,
// timeline events from the journal. Nothing on a hot path: counts are taken when those change.
import type { Capability, CapabilityFactory } from '../engine/capability.js';
import type { WarroomStore } from '../store/store.js';
import { setChecksByState } from './record.js';

class SelfMetricsFeed implements Capability {
  readonly name = 'self-metrics';
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly store: WarroomStore) {}

  start(): void {
    this.unsubscribe = this.store.subscribe((state, previous) => {
      if (state.checks === previous.checks) return;
      const counts: Record<string, number> = { UP: 0, DEGRADED: 0, DOWN: 0, UNKNOWN: 0 };
      for (const row of Object.values(state.checks.rows)) counts[row.state] = (counts[row.state] ?? 0) + 1;
      setChecksByState(counts);
    });
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}

/** Counts check states for `--metrics-port` (cheap: one pass per store commit of the checks). */
export const selfMetricsCapability: CapabilityFactory = (context) => new SelfMetricsFeed(context.store);
