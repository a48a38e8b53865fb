// Starts the runbook pane's controller when the config names a runbook or a runbooks folder.
import type { CapabilityFactory } from '../engine/capability.js';
import { RunbookController } from './controller.js';
import type { PastEvent } from './progress.js';

/** Where the incident's past events come from, when the engine can read them back (set by the timeline capability). */
export type PastEventsSource = () => readonly PastEvent[] | Promise<readonly PastEvent[]>;

/** The runbooks capability; null when neither `incident.runbook` nor `incident.runbooksDir` is configured. */
export function createRunbookCapability(pastEvents?: PastEventsSource): CapabilityFactory {
  return (context) => {
    const { runbook, runbooksDir } = context.config.incident;
    if (runbook === undefined && runbooksDir === undefined) return null;
    const controller = new RunbookController({
      store: context.store,
      recorder: context.recorder,
      executor: context.executor,
      ...(runbooksDir !== undefined ? { runbooksDir } : {}),
      ...(pastEvents ? { pastEvents } : {}),
    });
    return {
      name: 'runbooks',
      async start() {
        controller.attach();
        if (runbook !== undefined) await controller.open(runbook);
        else context.store.getState().setRunbook({ error: 'no runbook open — r picks one from the runbooks folder' });
      },
      stop() {
        controller.stop();
      },
    };
  };
}

/** The factory CAPABILITIES lists (progress starts fresh until past events are wired in). */
export const runbookCapability: CapabilityFactory = createRunbookCapability();
