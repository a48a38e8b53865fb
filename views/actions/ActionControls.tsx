import { useColonCommands, useCommands } from '../keys/dispatcher.js';
import { useWarroomStore } from '../store-context.js';
import { actionsOrSay as controllerOf } from './row-actions.js';

/** Binds the global action keys and `:` commands (O the latest run's output, :restart, :action, :cancel any run); draws nothing. The status board binds a and R on its selected row. */
export function ActionControls() {
  const store = useWarroomStore();
  useCommands({
    'actions.output': () => {
      const { actionRuns, runbook } = store.getState();
      if (actionRuns.length === 0 && !runbook.output) return store.getState().showFlash('nothing has run yet', 'info');
      store.getState().setControlOverlay('run-output');
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
      // Every run in progress, action or runbook step: the same registry the header counts.
      const stopped = store.getState().cancelRunning();
      if (stopped.length === 0) store.getState().showFlash('nothing is running', 'info');
      else store.getState().showFlash(`cancelling ${stopped.join(', ')}…`, 'warn');
    },
  });
  return null;
}
