import type { StateCreator } from 'zustand/vanilla';
import type { ActionsController, SelectedRow } from '../actions/controller.js';
import type { WarroomState } from './store.js';

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
  /** The last lines of output, neutralised and redacted, bounded. */
  lines: string[];
  /** Rolling progress ("2/3 app-2 waiting for UP"), while running. */
  progress: string;
  /** The result in words ("2/3 restarted, app-3 failed: exit 1"). */
  summary: string;
}

/** Which of the action/escalation overlays covers the panes, if any. */
export type ControlOverlay = 'action-menu' | 'action-output' | 'status-update' | null;

/** Actions: recent runs, the overlay shown, and the engine's controller for views to call. */
export interface ActionsSlice {
  actionRuns: ActionRunView[];
  controlOverlay: ControlOverlay;
  /** The service (and instance) the action menu was opened on. */
  actionMenuFor: SelectedRow | null;
  /** Set by the actions capability when it starts; null when not configured. */
  actionsController: ActionsController | null;
  setActionsController: (controller: ActionsController | null) => void;
  addActionRun: (run: ActionRunView) => void;
  updateActionRun: (id: string, patch: Partial<ActionRunView>) => void;
  setControlOverlay: (overlay: ControlOverlay) => void;
  openActionMenu: (row: SelectedRow) => void;
}

/** Runs kept for the output view and status updates. */
export const RUNS_KEPT = 20;

/** Builds the actions slice. */
export const createActionsSlice: StateCreator<WarroomState, [], [], ActionsSlice> = (set, get) => ({
  actionRuns: [],
  controlOverlay: null,
  actionMenuFor: null,
  actionsController: null,
  setActionsController: (controller) => set({ actionsController: controller }),
  addActionRun: (run) => set({ actionRuns: [...get().actionRuns, run].slice(-RUNS_KEPT) }),
  updateActionRun: (id, patch) =>
    set({ actionRuns: get().actionRuns.map((run) => (run.id === id ? { ...run, ...patch } : run)) }),
  setControlOverlay: (overlay) => set({ controlOverlay: overlay }),
  openActionMenu: (row) => set({ actionMenuFor: row, controlOverlay: 'action-menu' }),
});
