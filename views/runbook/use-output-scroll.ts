// How far the runbook pane's output view is scrolled back from its newest line (0: following the
// output as it comes). Kept with the panes' states (pane-state.tsx); another command starts at 0.
import { usePaneReducer } from '../panes/pane-state.js';

/** The scroll of one command's output: rows back from the newest, and which output it is for. */
export interface OutputScroll {
  back: number;
  /** The command whose output it was scrolled on: another command's output starts at the newest. */
  of: string | null;
}

/** What can happen to the scroll; `page` is the rows the view shows, `rows` the output's rows. */
export type OutputScrollAction = { type: 'page'; step: 1 | -1; page: number; rows: number; of: string } | { type: 'end' };

/** Pure transition function of the scroll. */
export function outputScrollReducer(scroll: OutputScroll, action: OutputScrollAction): OutputScroll {
  if (action.type === 'end') return { back: 0, of: null };
  const last = Math.max(0, action.rows - action.page);
  const back = Math.max(0, Math.min(last, scroll.back - action.step * Math.max(1, action.page - 1)));
  return { back, of: action.of };
}

const INITIAL: OutputScroll = { back: 0, of: null };

/** Rows scrolled back on the output of `command` (0 for another command's), and the dispatch. */
export function useOutputScroll(command: string | null): [number, (action: OutputScrollAction) => void] {
  const [scroll, dispatch] = usePaneReducer('runbook-output', outputScrollReducer, INITIAL);
  return [scroll.of !== null && scroll.of === command ? scroll.back : 0, dispatch];
}
