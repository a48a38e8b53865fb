// The runbook pane's data: the open runbook, progress per step, where the cursor is, the last
// command's output and the suggested sections. The controller (src/runbooks/controller.ts) writes
// it; the pane only reads it and moves the cursor.
import type { Runbook } from '../runbooks/model.js';
import type { StepState } from '../runbooks/progress.js';
import type { ObservedState, SectionSuggestion } from '../runbooks/symptoms.js';
import type { SliceCreator } from './slice.js';

/** Where the cursor is: a step of the current section, and optionally one of its commands. */
export interface RunbookCursor {
  section: number;
  step: number;
  /** -1: the step itself (Enter runs all its commands); else that command alone. */
  command: number;
}

/** The output view of the last (or running) command. */
export interface RunbookOutput {
  /** The command as shown (secret placeholder values masked). */
  shown: string;
  /** Host it runs on; undefined means locally. */
  host?: string;
  lines: string[];
  running: boolean;
  exitCode: number | null;
  durationMs: number;
  error?: string;
  dryRun?: boolean;
  /** Why the command never ends by itself: it streams until the lead stops it. */
  endless?: string;
  /** Stopped by the lead (Esc, `:cancel`). */
  cancelled?: boolean;
}

/** What the pane's keys ask of the runbook capability (implemented by RunbookController). */
export interface RunbookActions {
  run(): Promise<void>;
  toggleDone(): void;
  skip(): Promise<void>;
  note(): Promise<void>;
  search(): Promise<void>;
  pick(): Promise<void>;
  /** Adds the step's PromQL block(s) as metrics panels. */
  addPanel(): Promise<void>;
  /** Stops the running runbook command; false when none runs. */
  cancel(): boolean;
}

/** What the runbook pane shows. */
export interface RunbookSlice {
  runbook: {
    doc: Runbook | null;
    /** Why no runbook is open (a plain message), when none is. */
    error: string | null;
    /** Step states by the step's line; replaced as a whole on every change. */
    states: Readonly<Record<number, StepState>>;
    cursor: RunbookCursor;
    output: RunbookOutput | null;
    suggestions: SectionSuggestion[];
    /** The last search, offered again by `/`. */
    lastSearch: string;
    /** What the status board and metrics see, as last reported by them (drives the suggestions). */
    observed: ObservedState;
    /** Set while the runbook capability runs; null means no runbook is configured. */
    actions: RunbookActions | null;
  };
  setRunbook: (patch: Partial<RunbookSlice['runbook']>) => void;
  /** For the status board and metrics: report DOWN services, critical panels and "all down" (call once per flush, only on change). */
  setRunbookObserved: (observed: ObservedState) => void;
  moveRunbookCursor: (delta: 1 | -1) => void;
  setRunbookSection: (section: number) => void;
}

/** Builds the runbook slice. */
export const createRunbookSlice: SliceCreator<RunbookSlice> = (set, get) => ({
  runbook: {
    doc: null,
    error: null,
    states: {},
    cursor: { section: 0, step: 0, command: -1 },
    output: null,
    suggestions: [],
    lastSearch: '',
    observed: { downServices: [], critPanels: [], allDown: false },
    actions: null,
  },
  setRunbook: (patch) => set({ runbook: { ...get().runbook, ...patch } }),
  setRunbookObserved: (observed) => set({ runbook: { ...get().runbook, observed } }),
  moveRunbookCursor: (delta) => {
    const { doc, cursor } = get().runbook;
    const steps = doc?.sections[cursor.section]?.steps ?? [];
    if (steps.length === 0) return;
    set({ runbook: { ...get().runbook, cursor: { section: cursor.section, ...stepCursor(steps.map((s) => s.commands.length), cursor, delta) } } });
  },
  setRunbookSection: (section) => {
    const { doc, states } = get().runbook;
    if (!doc || doc.sections.length === 0) return;
    const index = Math.max(0, Math.min(doc.sections.length - 1, section));
    const open = doc.sections[index]!.steps.findIndex((s) => (states[s.line]?.status ?? 'open') === 'open');
    set({ runbook: { ...get().runbook, cursor: { section: index, step: Math.max(0, open), command: -1 } } });
  },
});

/**
 * One move over the rows of a section: every step, plus the command rows of the step under the
 * cursor (so a single command of several can be picked and run alone).
 */
export function stepCursor(commandCounts: number[], at: { step: number; command: number }, delta: 1 | -1): { step: number; command: number } {
  const count = commandCounts[at.step] ?? 0;
  if (delta === 1) {
    if (count > 1 && at.command < count - 1) return { step: at.step, command: at.command + 1 };
    return at.step < commandCounts.length - 1 ? { step: at.step + 1, command: -1 } : at;
  }
  if (at.command >= 0) return { step: at.step, command: at.command - 1 };
  if (at.step === 0) return at;
  const previous = commandCounts[at.step - 1] ?? 0;
  return { step: at.step - 1, command: previous > 1 ? previous - 1 : -1 };
}
