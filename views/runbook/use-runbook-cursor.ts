// The runbook pane's own cursor (ink-ui style: a reducer with named actions): the section, the
// step and the command it is on. It belongs to the open runbook: when another one opens, the
// cursor starts where the controller says that one opens (its suggested section). Kept across
// the pane's unmounts (pane-state.tsx), and handed to every runbook command.
import type { Runbook } from '../../src/runbooks/model.js';
import { sectionStart, stepCursor, type RunbookCursor } from '../../src/runbooks/places.js';
import type { StepState } from '../../src/runbooks/progress.js';
import { usePaneReducer } from '../panes/pane-state.js';

/** What can happen to the cursor. */
export type RunbookCursorAction =
  | { type: 'move'; delta: 1 | -1 }
  | { type: 'section'; index: number }
  | { type: 'go'; to: RunbookCursor };

/** The runbook the cursor is on, as the pane sees it. */
export interface RunbookView {
  doc: Runbook;
  states: Readonly<Record<number, StepState>>;
  opensAt: RunbookCursor;
}

interface Held {
  doc: Runbook | null;
  at: RunbookCursor;
}

/** Where the cursor is on `view`: where it was left on this runbook, else where the runbook opens. */
function effective(held: Held, view: RunbookView): RunbookCursor {
  return held.doc === view.doc ? held.at : view.opensAt;
}

/** Pure transition function of the cursor on `view`. */
export function runbookCursorReducer(at: RunbookCursor, action: RunbookCursorAction, view: RunbookView): RunbookCursor {
  switch (action.type) {
    case 'move': {
      const steps = view.doc.sections[at.section]?.steps ?? [];
      if (steps.length === 0) return at;
      return { section: at.section, ...stepCursor(steps.map((s) => s.commands.length), at, action.delta) };
    }
    case 'section':
      return view.doc.sections.length === 0 ? at : sectionStart(view.doc, view.states, action.index);
    case 'go':
      return action.to;
  }
}

function reduce(held: Held, { action, view }: { action: RunbookCursorAction; view: RunbookView }): Held {
  return { doc: view.doc, at: runbookCursorReducer(effective(held, view), action, view) };
}

const INITIAL: Held = { doc: null, at: { section: 0, step: 0, command: -1 } };

/** The cursor on `view` (null: no runbook open) and its dispatch. */
export function useRunbookCursor(view: RunbookView | null): [RunbookCursor, (action: RunbookCursorAction) => void] {
  const [held, dispatch] = usePaneReducer('runbook', reduce, INITIAL);
  const at = view ? effective(held, view) : INITIAL.at;
  return [at, (action) => view && dispatch({ action, view })];
}
