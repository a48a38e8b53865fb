// The log capability: every `logs:` entry of every service, tailed into one hub that feeds the
// store's logs slice. Absent when no service has logs.
import type { Capability, CapabilityFactory } from '../engine/capability.js';
import { createRedactor } from '../text/redact.js';
import { LogHub } from './hub.js';

/** Starts the configured log sources; null when none are configured. */
export const logsCapability: CapabilityFactory = (context) => {
  const sources = context.config.services.flatMap((service) => service.logs);
  if (sources.length === 0) return null;
  const store = context.store;
  const hub = new LogHub({
    settings: context.config.logs,
    recorder: context.recorder,
    executor: context.executor,
    sink: { logsFlushed: (flush) => store.getState().logsFlushed(flush) },
    pacer: store.pacer,
  });
  for (const source of sources) hub.addSource(source);
  const capability: Capability = {
    name: 'logs',
    start: () => {
      store.getState().setLogsEvidence((seq) => hub.markEvidence(seq), createRedactor(context.config));
      hub.start();
      hub.flush();
    },
    stop: async () => {
      store.getState().setLogsEvidence(null, null);
      await hub.stop();
    },
  };
  return capability;
};
