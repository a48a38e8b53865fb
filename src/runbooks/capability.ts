// Starts the runbook pane's controller when the config names a runbook or a runbooks folder, and
// (for every console) the feed of what the console sees that drives the suggested sections.
import type { Capability, CapabilityFactory } from '../engine/capability.js';
import type { RunbookActions } from '../store/runbook.js';
import type { WarroomState, WarroomStore } from '../store/store.js';
import { createRedactor } from '../text/redact.js';
import { RunbookController } from './controller.js';
import { hostDescriber } from './host-notes.js';
import { observedFrom, sameObserved } from './observed-feed.js';
import type { PastEvent } from './progress.js';

/** Where the incident's past events come from, when the engine can read them back (set by the timeline capability). */
export type PastEventsSource = () => readonly PastEvent[] | Promise<readonly PastEvent[]>;

/** What a journal recorder offers besides recording (TimelineJournal has both); absent on plain recorders. */
interface ReadableTimeline {
  events(): readonly PastEvent[];
  onEvents(listener: (added: readonly PastEvent[]) => void): () => void;
}

function readable(recorder: unknown): ReadableTimeline | null {
  const r = recorder as Partial<ReadableTimeline>;
  return typeof r.events === 'function' && typeof r.onEvents === 'function' ? (r as ReadableTimeline) : null;
}

/** The runbooks capability; null when neither `incident.runbook` nor `incident.runbooksDir` is configured. */
export function createRunbookCapability(pastEvents?: PastEventsSource): CapabilityFactory {
  return (context) => {
    const { runbook, runbooksDir } = context.config.incident;
    if (runbook === undefined && runbooksDir === undefined) return null;
    // Progress lives on the timeline: read it back from the journal when the recorder is one.
    const journal = readable(context.recorder);
    const past = pastEvents ?? (journal ? () => journal.events() : undefined);
    const controller = new RunbookController({
      store: context.store,
      recorder: context.recorder,
      executor: context.executor,
      redactor: createRedactor(context.config),
      describeHost: hostDescriber(context.config.hosts),
      ...(runbooksDir !== undefined ? { runbooksDir } : {}),
      ...(past ? { pastEvents: past } : {}),
      ...(journal ? { liveEvents: (listener: (added: readonly PastEvent[]) => void) => journal.onEvents(listener) } : {}),
    });
    // The pane's keys reach the controller through the store's declared RunbookActions.
    void (controller satisfies RunbookActions);
    return {
      name: 'runbooks',
      async start() {
        controller.attach();
        // Not awaited: the parse runs on a worker and may take seconds (a large or hostile file);
        // the capabilities after this one (actions, escalation...) must not wait for it. The pane
        // says "Opening the runbook…" meanwhile.
        if (runbook !== undefined) void controller.open(runbook);
        else {
          context.store.getState().setRunbook({ error: 'no runbook open — r picks one from the runbooks folder' });
          // Reads the folder's runbooks now, so a fitting one can be suggested before any is open.
          controller.observe(context.store.getState().runbook.observed);
        }
      },
      stop() {
        controller.stop();
      },
    };
  };
}

/** The factory CAPABILITIES lists: progress restored from, and followed on, the incident journal. */
export const runbookCapability: CapabilityFactory = createRunbookCapability();

/** Keeps `runbook.observed` in step with the status board, the metrics and the alerts. */
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
      if (state.checks !== previous.checks || state.metrics !== previous.metrics || state.alerts.list !== previous.alerts.list) update(state);
    });
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}

/** The observed feed, for every console (it costs nothing without checks, panels or alerts). */
export const observedFeedCapability: CapabilityFactory = (context) => new ObservedFeed(context.store);
