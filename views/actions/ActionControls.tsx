import type { SelectedRow } from '../../src/actions/types.js';
import { selectedCheck } from '../../src/store/checks.js';
import type { WarroomStore } from '../../src/store/store.js';
import { useColonCommands, useCommands } from '../keys/dispatcher.js';
import { useWarroomStore } from '../store-context.js';

function controllerOf(store: WarroomStore) {
  const controller = store.getState().actionsController;
  if (!controller) store.getState().showFlash('no actions are configured (actions: under a service)', 'warn');
  return controller;
}

/** Binds the action keys and `:` commands (a, R, O, :restart, :action, :cancel); draws nothing. */
export function ActionControls() {
  const store = useWarroomStore();
  const needRow = (): SelectedRow | null => {
    const check = selectedCheck(store.getState());
    const row = check ? { service: check.service, ...(check.instance ? { instance: check.instance } : {}) } : null;
    if (!row) store.getState().showFlash('select a service row on the status board first (or :restart SVC / :action SVC NAME)', 'warn');
    return row;
  };
  useCommands({
    'status.actions': () => {
      const controller = controllerOf(store);
      const row = controller && needRow();
      if (!controller || !row) return;
      if (controller.actionsOf(row.service).length === 0) return store.getState().showFlash(`${row.service} has no actions configured`, 'warn');
      store.getState().openActionMenu(row);
    },
    'status.restart': () => {
      const controller = controllerOf(store);
      const row = controller && needRow();
      if (controller && row) void controller.request(row.service, 'restart', row.instance);
    },
    'actions.output': () => {
      if (store.getState().actionRuns.length === 0) return store.getState().showFlash('no action has run yet', 'info');
      store.getState().setControlOverlay('action-output');
    },
  });
  useColonCommands({
    restart: (args) => {
      const [service, instance] = args;
      if (!service) return store.getState().showFlash('usage: :restart SERVICE [INSTANCE]', 'error');
      void controllerOf(store)?.request(service, 'restart', instance);
    },
    action: (args) => {
      const [service, name, instance] = args;
      if (!service || !name) return store.getState().showFlash('usage: :action SERVICE NAME [INSTANCE]', 'error');
      void controllerOf(store)?.request(service, name, instance);
    },
    cancel: () => {
      // A runbook command streaming in the runbook pane is stopped the same way.
      if (store.getState().runbook.actions?.cancel()) return;
      const controller = store.getState().actionsController;
      if (controller) controller.cancel();
      else store.getState().showFlash('no action is running', 'info');
    },
  });
  return null;
}
