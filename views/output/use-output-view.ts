// Where a run's output view is: how many rows back from the newest it is scrolled (0: following
// the output as it comes) and what it searches for. Kept with the panes' states (pane-state.tsx),
// so a dialog covering the view does not lose it; another run's output starts fresh.
import { usePaneReducer } from '../panes/pane-state.js';
import type { ScrollMove } from '../scroll-keys.js';
import { matchingLines } from './output-rows.js';

/** The scroll and search of one run's output. */
export interface OutputViewState {
  /** Rows back from the newest. */
  back: number;
  /** The run it was scrolled or searched on: another run's output starts at the newest. */
  of: string | null;
  /** The last search ('' none). */
  query: string;
  /** The line of the current match (-1 none). */
  match: number;
}

/** What the view holds this frame: the run, its lines, their rows and how many rows it shows. */
export interface OutputFrame {
  of: string;
  lines: readonly string[];
  /** The first row of each line. */
  starts: readonly number[];
  rows: number;
  room: number;
}

/** What can happen to the view. */
export type OutputViewAction =
  | { type: 'scroll'; move: ScrollMove; frame: OutputFrame }
  /** Searches back from the bottom of the view for `query` (wrapping round to the newest). */
  | { type: 'search'; query: string; frame: OutputFrame }
  /** The next match further back (older) or nearer the newest (newer), wrapping round. */
  | { type: 'next'; toward: 'older' | 'newer'; frame: OutputFrame };

/** The state of a view that has not moved. */
export const FRESH: OutputViewState = { back: 0, of: null, query: '', match: -1 };

/** `back` that shows row `row` about the middle of the view. */
function backShowing(row: number, frame: OutputFrame): number {
  const last = Math.max(0, frame.rows - frame.room);
  const end = Math.min(frame.rows, Math.max(frame.room, row + Math.ceil(frame.room / 2)));
  return Math.max(0, Math.min(last, frame.rows - end));
}

/** Pure transition function of the view. */
export function outputViewReducer(state: OutputViewState, action: OutputViewAction): OutputViewState {
  const { frame } = action;
  const mine = state.of === frame.of ? state : { ...FRESH, of: frame.of };
  const last = Math.max(0, frame.rows - frame.room);
  if (action.type === 'scroll') {
    const { move } = action;
    const back = 'to' in move ? (move.to === 'top' ? last : 0) : mine.back - move.step * (move.by === 'line' ? 1 : Math.max(1, frame.room - 1));
    return { ...mine, back: Math.max(0, Math.min(last, back)) };
  }
  const query = action.type === 'search' ? action.query : mine.query;
  const matches = matchingLines(frame.lines, query);
  if (matches.length === 0) return { ...mine, query, match: -1 };
  let match: number;
  if (action.type === 'search') {
    // The nearest match at or above the view's bottom row, as a terminal's scrollback search goes.
    const bottom = frame.rows - mine.back;
    match = [...matches].reverse().find((line) => (frame.starts[line] ?? 0) < bottom) ?? matches.at(-1)!;
  } else {
    const at = matches.indexOf(mine.match);
    const step = action.toward === 'older' ? -1 : 1;
    const from = at === -1 ? (step === -1 ? matches.length : -1) : at;
    match = matches[(from + step + matches.length) % matches.length]!;
  }
  return { ...mine, query, match, back: backShowing(frame.starts[match] ?? 0, frame) };
}
/** The view state for run `of` (fresh for another run's), kept under `key`, and its dispatch. */
export function useOutputView(key: string, of: string | null): [OutputViewState, (action: OutputViewAction) => void] {
  const [state, dispatch] = usePaneReducer(key, outputViewReducer, FRESH);
  return [state.of !== null && state.of === of ? state : FRESH, dispatch];
}
