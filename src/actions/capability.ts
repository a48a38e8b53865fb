// The actions capability: builds the runner and puts its controller in the store for the views.
import type { CapabilityFactory } from '../engine/capability.js';
import { createRedactor } from '../text/redact.js';
import { ActionsController } from './controller.js';
import { storeInstanceHealth } from './instance-health.js';
import { ActionRunner } from './runner.js';

/** Starts whenever any service has actions. */
export const actionsCapability: CapabilityFactory = (context) => {
  const { config, store } = context;
  if (!config.services.some((s) => Object.keys(s.actions).length > 0)) return null;
  const runner = new ActionRunner({
    executor: context.executor,
    recorder: context.recorder,
    store,
    hosts: config.hosts,
    redactor: createRedactor(config),
    health: storeInstanceHealth(store),
  });
  const controller = new ActionsController(config, runner, store);
  return {
    name: 'actions',
    start: () => store.getState().setActionsController(controller),
    stop: () => {
      controller.stop();
      store.getState().setActionsController(null);
    },
  };
};
