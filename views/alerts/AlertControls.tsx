import { useColonCommands } from '../keys/dispatcher.js';
import { useWarroomStore } from '../store-context.js';

/** Binds `:silence MATCHERS [DURATION] [-- REASON]` (it works whichever pane has focus); draws nothing. */
export function AlertControls() {
  const store = useWarroomStore();
  useColonCommands({
    silence: (_args, rest) => {
      const commands = store.getState().alertCommands;
      if (!commands) {
        store.getState().showFlash('silences need alerts: { alertmanager: URL } in the config', 'warn');
        return;
      }
      void commands.silence(rest);
    },
  });
  return null;
}
