// The metrics capability: a MetricsPoller for the configured panels, started and stopped with
// the engine, and put in the store so a runbook's PromQL block can become a panel. Not started
// when the config has neither panels nor a Prometheus to add query panels from. Panels added from
// runbooks are on the timeline: they come back when the incident is reopened, and appear on every
// console of the incident as they are added.
import type { CapabilityFactory } from '../engine/capability.js';
import { TimelineJournal } from '../timeline/journal.js';
import { MetricsPoller } from './poller.js';

/** Builds the metrics capability, or null when there is nothing to poll and nothing to query. */
export const metricsCapability: CapabilityFactory = (context) => {
  const config = context.config.metrics;
  if (!config || (config.panels.length === 0 && !config.prometheus)) return null;
  const poller = new MetricsPoller({ config, store: context.store, recorder: context.recorder });
  const journal = context.recorder instanceof TimelineJournal ? context.recorder : null;
  let unfollow = (): void => undefined;
  return {
    name: 'metrics',
    start: () => {
      if (journal && config.prometheus) {
        poller.restorePanels(journal.events());
        unfollow = journal.onEvents((added) => poller.restorePanels(added));
      }
      poller.start();
      // Only a Prometheus can answer a runbook's PromQL: without one the store says so by having none.
      if (config.prometheus) context.store.getState().setMetricsActions(poller);
    },
    stop: async () => {
      unfollow();
      if (context.store.getState().metrics.actions === poller) context.store.getState().setMetricsActions(null);
      await poller.stop();
    },
  };
};
