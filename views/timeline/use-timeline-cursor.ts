// The timeline pane's own state (ink-ui style: a reducer with named actions): how far it is
// scrolled up from the newest event, the kind family shown and local or UTC time. Kept across the
// pane's unmounts (pane-state.tsx), so `T` twice brings it back as it was.
import { TIMELINE_FILTERS } from '../../src/store/timeline.js';
import { usePaneReducer } from '../panes/pane-state.js';

/** The timeline pane's cursor. */
export interface TimelineCursor {
  /** Rows scrolled up from the newest (0 = follow the bottom). */
  scroll: number;
  /** Kind family shown (`check`, `note`...), or null for all. */
  filter: string | null;
  utc: boolean;
}

/** What can happen to the cursor; `count` is the number of events shown. */
export type TimelineCursorAction =
  | { type: 'scroll'; delta: number; count: number }
  | { type: 'cycle-filter' }
  | { type: 'toggle-utc' };

/** Pure transition function of the cursor. */
export function timelineCursorReducer(cursor: TimelineCursor, action: TimelineCursorAction): TimelineCursor {
  switch (action.type) {
    case 'scroll': {
      const scroll = Math.max(0, Math.min(action.count - 1, cursor.scroll + action.delta));
      return scroll === cursor.scroll ? cursor : { ...cursor, scroll };
    }
    case 'cycle-filter': {
      const next = TIMELINE_FILTERS[(TIMELINE_FILTERS.indexOf(cursor.filter as never) + 1) % TIMELINE_FILTERS.length] ?? null;
      return { ...cursor, filter: next, scroll: 0 };
    }
    case 'toggle-utc':
      return { ...cursor, utc: !cursor.utc };
  }
}

const INITIAL: TimelineCursor = { scroll: 0, filter: null, utc: false };

/** The cursor as the pane's state. */
export function useTimelineCursor() {
  return usePaneReducer('timeline', timelineCursorReducer, INITIAL);
}
