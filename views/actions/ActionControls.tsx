import { useColonCommands, useCommands } from '../keys/dispatcher.js';
import { useWarroomStore } from '../store-context.js';
import { actionsOrSay as controllerOf } from './row-actions.js';

/** Binds the global action keys and `:` commands (O, :restart, :action, :cancel); draws nothing. The status board binds a and R on its selected row. */
export function ActionControls() {
  const store = useWarroomStore();
  useCommands({
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
