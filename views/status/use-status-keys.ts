// The status pane's key handling (ink-ui's input hook): commands from the key table turned into
// cursor actions, and the action keys handed the selected row. Only registered while the pane has
// focus, so other panes keep their keys.
import type { CheckRow } from '../../src/store/checks.js';
import { openActionsFor, restartRow } from '../actions/row-actions.js';
import { useCommands } from '../keys/dispatcher.js';
import { useWarroomStore } from '../store-context.js';
import type { StatusCursor, StatusCursorAction } from './use-status-cursor.js';

/** Binds the status scope's commands to the cursor; `ids` are the rows in display order, `selected` the row under the cursor. */
export function useStatusKeys(
  cursor: StatusCursor,
  dispatch: (action: StatusCursorAction) => void,
  ids: readonly string[],
  selected: CheckRow | undefined,
  isFocused: boolean,
): void {
  const store = useWarroomStore();
  useCommands(
    {
      'status.actions': () => openActionsFor(store, selected),
      'status.restart': () => restartRow(store, selected),
      'status.down': () => dispatch({ type: 'select-next', ids }),
      'status.up': () => dispatch({ type: 'select-previous', ids }),
      'status.sort': () => dispatch({ type: 'toggle-sort' }),
      'status.details': () => dispatch({ type: 'toggle-details' }),
    },
    isFocused,
  );
  // Esc closes the details view; with it closed, Esc keeps its global meaning.
  useCommands({ cancel: () => dispatch({ type: 'close-details' }) }, isFocused && cursor.details);
}
