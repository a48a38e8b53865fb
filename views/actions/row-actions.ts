// What the status board's action keys do with the row under its cursor: `a` opens the actions
// menu on it, `R` asks to restart it. The pane hands the row over; nothing keeps it in the store.
import type { SelectedRow } from '../../src/actions/types.js';
import type { ActionCommands } from '../../src/store/actions.js';
import type { CheckRow } from '../../src/store/checks.js';
import type { WarroomStore } from '../../src/store/store.js';

/** The actions capability, or a message saying none is configured. */
export function actionsOrSay(store: WarroomStore): ActionCommands | null {
  const controller = store.getState().actionsController;
  if (!controller) store.getState().showFlash('no actions are configured (actions: under a service)', 'warn');
  return controller;
}

function rowOrSay(store: WarroomStore, check: CheckRow | undefined): SelectedRow | null {
  if (!check) {
    store.getState().showFlash('select a service row on the status board first (or :restart SVC / :action SVC NAME)', 'warn');
    return null;
  }
  return { service: check.service, ...(check.instance ? { instance: check.instance } : {}) };
}

/** `a`: the actions menu for the row's service (and instance). */
export function openActionsFor(store: WarroomStore, check: CheckRow | undefined): void {
  const controller = actionsOrSay(store);
  const row = controller && rowOrSay(store, check);
  if (!controller || !row) return;
  if (controller.actionsOf(row.service).length === 0) return store.getState().showFlash(`${row.service} has no actions configured`, 'warn');
  store.getState().openActionMenu(row);
}

/** `R`: restarts the row's service (or instance), after the configured confirmation. */
export function restartRow(store: WarroomStore, check: CheckRow | undefined): void {
  const controller = actionsOrSay(store);
  const row = controller && rowOrSay(store, check);
  if (controller && row) void controller.request(row.service, 'restart', row.instance);
}
