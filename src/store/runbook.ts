// The runbook pane's data: the open runbook, progress per step, where it opens, the last
// command's output and the suggested sections. The controller (src/runbooks/controller.ts) writes
// it; the pane reads it and keeps its own cursor, handing it to each command.
import type { RunbookCursor } from '../runbooks/places.js';
import type { ObservedState } from '../runbooks/symptoms.js';
import type { RunbookOutput } from '../runbooks/output.js';
import type { RunbookPaneData } from '../runbooks/host.js';
import type { SliceCreator } from './slice.js';

export type { RunbookCursor, RunbookOutput };

/**
 * What the pane's keys ask of the runbook capability (implemented by RunbookController), each
 * handed the pane's cursor `at`; a command that moves the cursor returns where to (null: stay).
 */
export interface RunbookActions {
  run(at: RunbookCursor): Promise<void>;
  /** Done ⇄ open; marking done moves on to the section's next open step. */
  toggleDone(at: RunbookCursor): RunbookCursor | null;
  /** Skips with a reason; moves on to the section's next open step. */
  skip(at: RunbookCursor): Promise<RunbookCursor | null>;
  note(at: RunbookCursor): Promise<void>;
  /** Asks for a query; returns the next place mentioning it. */
  search(at: RunbookCursor): Promise<RunbookCursor | null>;
  pick(): Promise<void>;
  /** Opens another runbook of the folder at a section (a suggestion an alert's runbook_url points at). */
  open(file: string, section?: number): Promise<boolean>;
  /** Adds the step's PromQL block(s) as metrics panels. */
  addPanel(at: RunbookCursor): Promise<void>;
  /** Stops the running runbook command; false when none runs. */
  cancel(): boolean;
}

/** What the runbook pane shows. */
export interface RunbookSlice {
  /** The pane's data in the capability's own shape, and who answers the pane's keys. */
  runbook: Omit<RunbookPaneData, 'actions'> & {
    /** Set while the runbook capability runs; null means no runbook is configured. */
    actions: RunbookActions | null;
  };
  setRunbook: (patch: Partial<RunbookSlice['runbook']>) => void;
  /** For the status board and metrics: report DOWN services, critical panels and "all down" (call once per flush, only on change). */
  setRunbookObserved: (observed: ObservedState) => void;
}

/** Builds the runbook slice. */
export const createRunbookSlice: SliceCreator<RunbookSlice> = (set, get) => ({
  runbook: {
    doc: null,
    error: null,
    states: {},
    opensAt: { section: 0, step: 0, command: -1 },
    output: null,
    suggestions: [],
    lastSearch: '',
    observed: { downServices: [], critPanels: [], allDown: false, alerts: [] },
    actions: null,
  },
  setRunbook: (patch) => set({ runbook: { ...get().runbook, ...patch } }),
  setRunbookObserved: (observed) => set({ runbook: { ...get().runbook, observed } }),
});
