// The log pane's state and its reducer: filter, minimum level, hidden sources, pause, scroll and
// selection. Pure functions over the ring, so every key's effect is testable without a terminal.
// Positions are sequence numbers (not offsets from the bottom): a line keeps its number while
// new lines arrive, so a paused or scrolled-back view does not drift.
import { Level, LEVEL_NAMES } from './level.js';
import { LineFlag, type LogRingBuffer } from './ring-buffer.js';

/** Minimum levels `l` cycles through (unknown lines show only at "all"). */
export const LEVEL_CYCLE: readonly Level[] = [Level.unknown, Level.debug, Level.info, Level.warn, Level.error];

/** What the log pane shows and where it is. */
export interface LogsPaneState {
  /** The filter as typed ('' = none). */
  filterText: string;
  filter: RegExp | null;
  /** Lines below this level are hidden (unknown = show everything). */
  minLevel: Level;
  /** Source ids not shown. */
  hidden: readonly number[];
  paused: boolean;
  /** Ring total when the view stopped following (pause or scroll); new lines are counted from it. */
  frozenAt: number;
  /** Sequence number of the bottom line shown; null follows the newest line (live). */
  anchor: number | null;
  /** Sequence number of the selected line; null = the bottom line, unmarked. */
  selected: number | null;
  wrap: boolean;
  /** A message for the user about the last key (bad regex, no more errors). */
  message: string | null;
}

/** The state of a fresh pane: live, everything shown. */
export const INITIAL_LOGS_PANE: LogsPaneState = {
  filterText: '', filter: null, minLevel: Level.unknown, hidden: [], paused: false, frozenAt: 0,
  anchor: null, selected: null, wrap: false, message: null,
};

/** Everything the pane's keys can do. */
export type LogsPaneAction =
  | { type: 'set-filter'; text: string }
  | { type: 'cycle-level' }
  | { type: 'toggle-source'; source: number }
  | { type: 'show-all-sources' }
  | { type: 'toggle-pause' }
  | { type: 'scroll'; lines: number }
  | { type: 'page'; direction: 1 | -1 }
  | { type: 'top' }
  | { type: 'live' }
  | { type: 'next-error' }
  | { type: 'prev-error' }
  | { type: 'toggle-wrap' }
  | { type: 'message'; text: string | null };

/** True when line `seq` passes the pane's filters. */
export function lineMatches(ring: LogRingBuffer, seq: number, state: LogsPaneState): boolean {
  if (state.hidden.length > 0 && state.hidden.includes(ring.source(seq))) return false;
  const flags = ring.flags(seq);
  // Gap markers show under every filter: they say the lines around them are not the whole story.
  if ((flags & LineFlag.marker) !== 0) return true;
  // Source errors (stderr) show at every level: they are about the source, not the service.
  if (state.minLevel !== Level.unknown && ring.level(seq) < state.minLevel && (flags & LineFlag.stderr) === 0) return false;
  return state.filter === null || state.filter.test(ring.text(seq));
}

/** The nearest matching line before `seq`, or -1. */
export function prevMatch(ring: LogRingBuffer, seq: number, state: LogsPaneState): number {
  for (let s = Math.min(seq, ring.total) - 1; s >= ring.oldest; s--) if (lineMatches(ring, s, state)) return s;
  return -1;
}

/** The nearest matching line after `seq`, or -1. */
export function nextMatch(ring: LogRingBuffer, seq: number, state: LogsPaneState): number {
  for (let s = Math.max(seq + 1, ring.oldest); s < ring.total; s++) if (lineMatches(ring, s, state)) return s;
  return -1;
}

/** The bottom line of the view: the anchor (clamped into the ring) or the newest match. */
export function bottomLine(ring: LogRingBuffer, state: LogsPaneState): number {
  if (state.anchor === null) return prevMatch(ring, ring.total, state);
  if (state.anchor < ring.oldest) return nextMatch(ring, ring.oldest - 1, state);
  return lineMatches(ring, state.anchor, state) ? state.anchor : prevMatch(ring, state.anchor, state);
}

/** Matching lines that fit `height` rows ending at the bottom line, oldest first. */
export function visibleLines(ring: LogRingBuffer, state: LogsPaneState, height: number): number[] {
  const lines: number[] = [];
  let seq = bottomLine(ring, state);
  while (seq !== -1 && lines.length < height) {
    lines.push(seq);
    seq = prevMatch(ring, seq, state);
  }
  return lines.reverse();
}

/** Lines that arrived since the view stopped following (the "+1,234 new" count). */
export function newSinceFrozen(ring: LogRingBuffer, state: LogsPaneState): number {
  return state.anchor === null && !state.paused ? 0 : ring.total - state.frozenAt;
}

/** The line `m` marks: the selection, else the bottom line; -1 when nothing is shown. */
export function markedLine(ring: LogRingBuffer, state: LogsPaneState): number {
  if (state.selected !== null && ring.has(state.selected)) return state.selected;
  return bottomLine(ring, state);
}

/** Applies one pane action; `height` is the number of lines the pane shows. */
export function reduceLogsPane(state: LogsPaneState, action: LogsPaneAction, ring: LogRingBuffer, height: number): LogsPaneState {
  const rows = Math.max(1, height);
  switch (action.type) {
    case 'set-filter':
      return setFilter(state, action.text);
    case 'cycle-level': {
      const next = LEVEL_CYCLE[(LEVEL_CYCLE.indexOf(state.minLevel) + 1) % LEVEL_CYCLE.length];
      return { ...state, minLevel: next, message: next === Level.unknown ? 'showing every level' : `showing ${LEVEL_NAMES[next]} and worse` };
    }
    case 'toggle-source': {
      const hidden = state.hidden.includes(action.source) ? state.hidden.filter((s) => s !== action.source) : [...state.hidden, action.source];
      return { ...state, hidden };
    }
    case 'show-all-sources':
      return { ...state, hidden: [] };
    case 'toggle-pause':
      if (state.paused) return { ...state, paused: false, anchor: null, selected: null, message: null };
      return { ...freeze(state, ring), paused: true, message: null };
    case 'scroll':
      return moveSelection(state, ring, rows, action.lines);
    case 'page':
      return moveSelection(state, ring, rows, action.direction * Math.max(1, rows - 1));
    case 'top': {
      const first = nextMatch(ring, ring.oldest - 1, state);
      if (first === -1) return state;
      const frozen = freeze(state, ring);
      return { ...frozen, selected: first, anchor: anchorWithTop(ring, frozen, first, rows), message: null };
    }
    case 'live':
      return { ...state, paused: false, anchor: null, selected: null, message: null };
    case 'next-error':
    case 'prev-error': {
      const forward = action.type === 'next-error';
      const from = state.selected ?? bottomLine(ring, state);
      const found = findError(ring, state, from, forward);
      if (found === -1) return { ...state, message: forward ? 'no later error' : 'no earlier error' };
      return showSelected({ ...freeze(state, ring), selected: found }, ring, rows, false);
    }
    case 'toggle-wrap':
      return { ...state, wrap: !state.wrap };
    case 'message':
      return { ...state, message: action.text };
  }
}

function setFilter(state: LogsPaneState, text: string): LogsPaneState {
  if (text === '') return { ...state, filterText: '', filter: null, message: null };
  // Smart case, as in less and vim: a pattern with no capital letter ignores case.
  const flags = /[A-Z]/.test(text) ? '' : 'i';
  try {
    return { ...state, filterText: text, filter: new RegExp(text, flags), message: null };
  } catch (err) {
    return { ...state, message: `invalid regex: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}` };
  }
}

// Stops following: the bottom line stays where it is and new lines are counted.
function freeze(state: LogsPaneState, ring: LogRingBuffer): LogsPaneState {
  if (state.anchor !== null) return state;
  const bottom = bottomLine(ring, state);
  return { ...state, anchor: bottom === -1 ? null : bottom, frozenAt: ring.total };
}

function moveSelection(state: LogsPaneState, ring: LogRingBuffer, rows: number, delta: number): LogsPaneState {
  const frozen = freeze(state, ring);
  let selected = frozen.selected ?? bottomLine(ring, frozen);
  if (selected === -1) return state;
  for (let i = 0; i < Math.abs(delta); i++) {
    const next = delta < 0 ? prevMatch(ring, selected, frozen) : nextMatch(ring, selected, frozen);
    if (next === -1) break;
    selected = next;
  }
  // Moving down onto the newest line of a view that is not paused goes back to live.
  if (delta > 0 && !frozen.paused && nextMatch(ring, selected, frozen) === -1) return { ...frozen, anchor: null, selected: null, message: null };
  return showSelected({ ...frozen, selected, message: null }, ring, rows, delta < 0);
}

// Moves the anchor so the selected line is on screen: at the top when moving up past the top
// (and for `g`), else at the bottom.
function showSelected(state: LogsPaneState, ring: LogRingBuffer, rows: number, toTop: boolean): LogsPaneState {
  const selected = state.selected;
  if (selected === null) return state;
  const shown = visibleLines(ring, state, rows);
  if (shown.includes(selected)) return state;
  if (!toTop && selected > (shown.at(-1) ?? -1)) return { ...state, anchor: selected };
  return { ...state, anchor: anchorWithTop(ring, state, selected, rows) };
}

// The bottom line of a view of `rows` lines whose top line is `top`.
function anchorWithTop(ring: LogRingBuffer, state: LogsPaneState, top: number, rows: number): number {
  let anchor = top;
  for (let i = 1; i < rows; i++) {
    const next = nextMatch(ring, anchor, state);
    if (next === -1) break;
    anchor = next;
  }
  return anchor;
}

function findError(ring: LogRingBuffer, state: LogsPaneState, from: number, forward: boolean): number {
  let seq = from;
  for (;;) {
    seq = forward ? nextMatch(ring, seq, state) : prevMatch(ring, seq, state);
    if (seq === -1 || ring.level(seq) >= Level.error) return seq;
  }
}
