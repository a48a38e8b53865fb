import type { ActionConfig } from '../config/types.js';
import type { ActionOutcome, ActionRunView, SelectedRow } from '../actions/types.js';
import type { SliceCreator } from './slice.js';

/** What views ask of the actions capability (implemented by its ActionsController). */
export interface ActionCommands {
  /** The actions of a service, in config order. */
  actionsOf(service: string): ActionConfig[];
  /** Runs `service`'s action `name` (on one instance or all) after the configured confirmation. */
  request(service: string, name: string, instance?: string): Promise<ActionOutcome>;
}

/** Which of the action/escalation overlays covers the panes, if any. */
export type ControlOverlay = 'action-menu' | 'run-output' | 'status-update' | null;

/** Actions: recent runs, the overlay shown, and the engine's controller for views to call. */
export interface ActionsSlice {
  actionRuns: ActionRunView[];
  controlOverlay: ControlOverlay;
  /** The service (and instance) the action menu was opened on. */
  actionMenuFor: SelectedRow | null;
  /** Set by the actions capability when it starts; null when not configured. */
  actionsController: ActionCommands | null;
  setActionsController: (controller: ActionCommands | null) => void;
  addActionRun: (run: ActionRunView) => void;
  updateActionRun: (id: string, patch: Partial<ActionRunView>) => void;
  setControlOverlay: (overlay: ControlOverlay) => void;
  openActionMenu: (row: SelectedRow) => void;
}

/** Runs kept for the output view and status updates. */
export const RUNS_KEPT = 20;

/** Builds the actions slice. */
export const createActionsSlice: SliceCreator<ActionsSlice> = (set, get) => ({
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
