// What the runbook capability needs of the console, declared here so nothing in this folder but
// capability.ts touches the store (docs/architecture.md): the runbook pane's data, the running
// work the header counts, the footer, questions, the metrics pane's panels and the commit beat.
// The console's store satisfies it as it is.
import type { QueryPanelOutcome, QueryPanelRequest } from '../metrics/types.js';
import type { DialogHost, DialogSpec } from '../mode/ask.js';
import type { ConsoleMode } from '../mode/console-mode.js';
import type { ModeHost } from '../mode/mode-guard.js';
import type { Runbook } from './model.js';
import type { RunbookOutput } from './output.js';
import type { RunbookCursor } from './places.js';
import type { StepState } from './progress.js';
import type { ObservedState, SectionSuggestion } from './symptoms.js';

/** The runbook pane's data, as the capability writes it. */
export interface RunbookPaneData {
  doc: Runbook | null;
  /** Why no runbook is open (a plain message), when none is. */
  error: string | null;
  /** Step states by the step's line, of the steps not plainly open (a step not listed is open, without notes); replaced as a whole on every change. */
  states: Readonly<Record<number, StepState>>;
  /** Where the pane's cursor starts on the open runbook (its first open steps, or the section it was opened at). */
  opensAt: RunbookCursor;
  output: RunbookOutput | null;
  suggestions: SectionSuggestion[];
  /** The last search, offered again by `/`. */
  lastSearch: string;
  /** What the status board and metrics see, as last reported by them (drives the suggestions). */
  observed: ObservedState;
  /** Who answers the pane's keys (the controller while the capability runs). */
  actions: unknown;
}

/** What the runbook controller reads and writes (the console's store is one). */
export interface RunbookHost extends ModeHost, DialogHost {
  getState(): {
    incident: { mode: ConsoleMode };
    runbook: RunbookPaneData;
    setRunbook(patch: Partial<RunbookPaneData>): void;
    /** Registers a step's command while it runs (null: it ended): the header counts it, `:cancel` stops it. */
    setRunning(id: string, work: { description: string; cancel: () => void } | null): void;
    showFlash(text: string, tone?: 'info' | 'warn' | 'error', ms?: number): void;
    openDialog(spec: DialogSpec): boolean;
    /** The metrics pane's live panels (`a` on a step with PromQL); null without a Prometheus. */
    metrics: { actions: { addQueryPanel(request: QueryPanelRequest): QueryPanelOutcome } | null };
  };
  /** Follows what the board and metrics see (the suggestions). */
  subscribe(listener: (state: { runbook: { observed: ObservedState } }, previous: { runbook: { observed: ObservedState } }) => void): () => void;
  /** Streamed output reaches the screen at the console's one commit beat. */
  readonly pacer: { request(flush: () => void): void; cancel(flush: () => void): void };
}
