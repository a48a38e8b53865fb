// The status pane's key handling (ink-ui's input hook): commands from the key table turned into
// cursor actions. Only registered while the pane has focus, so other panes keep their keys.
import type { Dispatch } from 'react';
import { useCommands } from '../keys/dispatcher.js';
import type { StatusCursor, StatusCursorAction } from './use-status-cursor.js';

/** Binds the status scope's commands to the cursor; `ids` are the rows in display order. */
export function useStatusKeys(cursor: StatusCursor, dispatch: Dispatch<StatusCursorAction>, ids: readonly string[], isFocused: boolean): void {
  useCommands(
    {
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
