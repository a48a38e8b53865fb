// The actions capability's own names: what a run looks like on screen, which row it was asked
// for, and how a request ended. The store holds runs of this shape; it does not define it.
import type { TargetResult } from './target-run.js';

/** How a run of an action stands. */
export type ActionRunState = 'running' | 'succeeded' | 'failed' | 'cancelled' | 'dry-run';

/** One run of an action (over one or all of its targets), as the views show it. */
export interface ActionRunView {
  id: string;
  service: string;
  action: string;
  instance?: string;
  /** Where it runs (local, user@address:port, or several). */
  target: string;
  /** The command, redacted. */
  command: string;
  state: ActionRunState;
  startedAt: number;
  finishedAt: number | null;
  /** The newest lines of output, neutralised and redacted, bounded (src/exec/output-tail.ts). */
  lines: string[];
  /** Earlier lines of output let go to keep within the bound. */
  dropped: number;
  /** Rolling progress ("2/3 app-2 waiting for UP"), while running. */
  progress: string;
  /** The result in words ("2/3 restarted, app-3 failed: exit 1"). */
  summary: string;
}

/** The status-board row an action is asked for: a service, and optionally one instance. */
export interface SelectedRow {
  service: string;
  instance?: string;
}

/** How a request ended: refused, already running, declined at the confirmation, or run. */
export type ActionOutcome =
  | { status: 'refused' | 'busy' | 'declined' | 'no-target'; message: string }
  | { status: 'ran'; ok: boolean; summary: string; results: TargetResult[] };
