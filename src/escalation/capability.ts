// The escalation capability: policy timers, paging, status updates, severity and resolution.
// Always started: severity and `:resolve` work without any `escalation:` block.
import type { CapabilityFactory } from '../engine/capability.js';
import { StatusUpdateController } from '../status-updates/controller.js';
import { createRedactor } from '../text/redact.js';
import { SeverityAdvisor } from '../status-updates/severity-advice.js';
import { systemClock } from './clock.js';
import { EscalationController } from './controller.js';
import { Pager } from './pager.js';

/** Builds the escalation parts on the engine context. */
export const escalationCapability: CapabilityFactory = (context) => {
  const { config, store, recorder } = context;
  const pager = new Pager({ escalation: config.escalation, store, recorder, redactor: createRedactor(config) });
  const escalation = new EscalationController({ escalation: config.escalation, store, recorder, pager, clock: systemClock });
  const status = new StatusUpdateController({ store, recorder, pager, escalation, clock: systemClock });
  const advisor = new SeverityAdvisor(store, recorder);
  return {
    name: 'escalation',
    start: () => {
      // A journal knows what this incident already paged; a plain recorder has no history.
      const history = recorder as Partial<{ events(): readonly { kind: string; data: Record<string, unknown> }[] }>;
      if (typeof history.events === 'function') escalation.restore(history.events());
      store.getState().setEscalationController(escalation);
      store.getState().setStatusController(status);
      escalation.start();
      advisor.start();
    },
    stop: () => {
      advisor.stop();
      escalation.stop();
      store.getState().setEscalationController(null);
      store.getState().setStatusController(null);
    },
  };
};
