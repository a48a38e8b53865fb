// The status pane's own state (ink-ui style: a reducer with named actions): which row is
// selected, the sort order, and whether the details view is open. Selection follows a row's id,
// not its position, so a row that re-sorts under the cursor stays selected. Kept across the
// pane's unmounts (pane-state.tsx): the selection is where it was after a confirmation.
import { usePaneReducer } from '../panes/pane-state.js';

/** Row order on the board. */
export type StatusSort = 'worst-first' | 'config';

/** The pane's cursor state. */
export interface StatusCursor {
  selectedId: string | null;
  sort: StatusSort;
  details: boolean;
}

/** What can happen to the cursor. */
export type StatusCursorAction =
  | { type: 'select-next'; ids: readonly string[] }
  | { type: 'select-previous'; ids: readonly string[] }
  | { type: 'toggle-sort' }
  | { type: 'toggle-details' }
  | { type: 'close-details' };

/** The selected row's index in `ids` (the first row when nothing valid is selected). */
export function selectedIndex(cursor: StatusCursor, ids: readonly string[]): number {
  const index = cursor.selectedId === null ? -1 : ids.indexOf(cursor.selectedId);
  return index === -1 ? 0 : index;
}

/** Pure transition function of the cursor. */
export function statusCursorReducer(cursor: StatusCursor, action: StatusCursorAction): StatusCursor {
  switch (action.type) {
    case 'select-next':
    case 'select-previous': {
      if (action.ids.length === 0) return cursor;
      const step = action.type === 'select-next' ? 1 : -1;
      const index = Math.min(action.ids.length - 1, Math.max(0, selectedIndex(cursor, action.ids) + step));
      return { ...cursor, selectedId: action.ids[index] ?? null };
    }
    case 'toggle-sort':
      return { ...cursor, sort: cursor.sort === 'worst-first' ? 'config' : 'worst-first' };
    case 'toggle-details':
      return { ...cursor, details: !cursor.details };
    case 'close-details':
      return { ...cursor, details: false };
  }
}

const INITIAL: StatusCursor = { selectedId: null, sort: 'worst-first', details: false };

/** The cursor as the pane's state. */
export function useStatusCursor() {
  return usePaneReducer('status', statusCursorReducer, INITIAL);
}
