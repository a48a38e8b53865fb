// The alerts pane's own state (a reducer with named actions, kept across the pane's unmounts by
// the pane registry's pane state): the selected alert, by id, so a re-sort under the cursor
// keeps it, and the acknowledge confirmation (a dialog over the panes) comes back to it.
import { usePaneReducer } from '../panes/pane-state.js';

/** The alerts pane's cursor. */
export interface AlertCursor {
  /** The selected alert's id; null (or an id no longer listed) selects the first. */
  selectedId: string | null;
}

/** What can happen to the cursor; `ids` are the alerts shown, in order. */
export type AlertCursorAction = { type: 'move'; step: number; ids: readonly string[] };

/** The selected alert's index in `ids` (the first when nothing listed is selected). */
export function selectedAlertIndex(cursor: AlertCursor, ids: readonly string[]): number {
  const index = cursor.selectedId === null ? -1 : ids.indexOf(cursor.selectedId);
  return index === -1 ? 0 : index;
}

/** Pure transition function of the cursor. */
export function alertCursorReducer(cursor: AlertCursor, action: AlertCursorAction): AlertCursor {
  if (action.ids.length === 0) return cursor;
  const index = Math.max(0, Math.min(action.ids.length - 1, selectedAlertIndex(cursor, action.ids) + action.step));
  return { selectedId: action.ids[index] ?? null };
}

const INITIAL: AlertCursor = { selectedId: null };

/** The cursor as the pane's state. */
export function useAlertCursor() {
  return usePaneReducer('alerts', alertCursorReducer, INITIAL);
}
