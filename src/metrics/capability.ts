// The metrics capability: a MetricsPoller for the configured panels, started and stopped with
// the engine. Not started when the config has no panels.
import type { CapabilityFactory } from '../engine/capability.js';
import { MetricsPoller } from './poller.js';

/** Builds the metrics capability, or null when no panel is configured. */
export const metricsCapability: CapabilityFactory = (context) => {
  const config = context.config.metrics;
  if (!config || config.panels.length === 0) return null;
  const poller = new MetricsPoller({ config, store: context.store, recorder: context.recorder });
  return {
    name: 'metrics',
    start: () => poller.start(),
    stop: () => poller.stop(),
  };
};
