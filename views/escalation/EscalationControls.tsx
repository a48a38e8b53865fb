import { useColonCommands, useCommands } from '../keys/dispatcher.js';
import { useWarroomStore } from '../store-context.js';

/** Binds P, u, :page, :severity, :resolve and :status-update; draws nothing. */
export function EscalationControls() {
  const store = useWarroomStore();
  const escalation = () => {
    const controller = store.getState().escalationController;
    if (!controller) store.getState().showFlash('paging is not available in this build yet (escalation is not running)', 'warn');
    return controller;
  };
  const status = () => {
    const controller = store.getState().statusController;
    if (!controller) store.getState().showFlash('status updates are not available in this build yet (escalation is not running)', 'warn');
    return controller;
  };
  useCommands({
    page: () => void escalation()?.pageNext(),
    'status-update': () => void status()?.open(),
  });
  useColonCommands({
    page: (args) => {
      if (!args[0]) return store.getState().showFlash(`usage: :page CONTACT (${escalation()?.contacts().join(', ') || 'none configured'})`, 'error');
      void escalation()?.pageContact(args[0]);
    },
    severity: (args, rest) => void status()?.setSeverity(args[0] ?? '', rest.slice((args[0] ?? '').length)),
    resolve: () => void status()?.resolve(),
    'status-update': () => void status()?.open(),
  });
  return null;
}
