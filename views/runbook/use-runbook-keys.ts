// The runbook pane's key handling (ink-ui's input hook): cursor moves, and the runbook commands
// handed the cursor (moving it where they answer). Only while the pane has focus.
import { useRef } from 'react';
import type { RunbookCursor } from '../../src/runbooks/places.js';
import { sectionToOpen } from '../../src/runbooks/symptoms.js';
import type { WarroomStore } from '../../src/store/store.js';
import { useCommands } from '../keys/dispatcher.js';
import type { RunbookCursorAction } from './use-runbook-cursor.js';

/** Binds the runbook scope's commands to the cursor `at`. */
export function useRunbookKeys(store: WarroomStore, at: RunbookCursor, dispatch: (action: RunbookCursorAction) => void, isFocused: boolean): void {
  const state = store.getState;
  const actions = state().runbook.actions;
  const lastJump = useRef<number | null>(null);
  const go = (to: RunbookCursor | null) => {
    if (to) dispatch({ type: 'go', to });
  };
  useCommands(
    {
      'runbook.down': () => dispatch({ type: 'move', delta: 1 }),
      'runbook.up': () => dispatch({ type: 'move', delta: -1 }),
      'runbook.prev-section': () => dispatch({ type: 'section', index: at.section - 1 }),
      'runbook.next-section': () => dispatch({ type: 'section', index: at.section + 1 }),
      'runbook.run': () => (actions ? void actions.run(at) : false),
      'runbook.done': () => (actions ? go(actions.toggleDone(at)) : false),
      'runbook.skip': () => (actions ? void actions.skip(at).then(go) : false),
      'runbook.note': () => (actions ? void actions.note(at) : false),
      'runbook.search': () => (actions ? void actions.search(at).then(go) : false),
      'runbook.pick': () => (actions ? void actions.pick() : false),
      'runbook.add-panel': () => (actions ? void actions.addPanel(at) : false),
      // Esc stops a running command; otherwise it falls through to the global Esc (unzoom).
      'runbook.cancel': () => (actions ? actions.cancel() : false),
      'runbook.suggested': () => {
        // Cycles through the suggestions, so each suggested section is one key away; a scenario
        // heading with no steps of its own opens at its first steps (its Diagnose). With no runbook
        // open, the suggestion is a runbook of the folder: the picker offers it.
        const { suggestions: all, doc: runbook } = state().runbook;
        if (!runbook && actions && all[0]?.file) return void actions.pick();
        // The top suggestion may be in another runbook of the folder (an alert links it): g opens it there.
        const first = all[0];
        if (runbook && actions && first?.file !== undefined && first.file !== runbook.file) return void actions.open(first.file, first.index);
        const list = all.filter((s) => s.file === undefined || s.file === runbook?.file);
        if (list.length === 0) return state().showFlash('no section matches what the console sees right now', 'info');
        const open = (index: number) => (runbook ? sectionToOpen(runbook, index) : index);
        // The first g goes to the top suggestion, wherever the cursor is (the runbook may have
        // opened there already); pressed again where it last went, it moves on to the next one.
        const current = at.section === lastJump.current ? list.findIndex((s) => open(s.index) === at.section) : -1;
        const target = open(list[(current + 1) % list.length]!.index);
        lastJump.current = target;
        dispatch({ type: 'section', index: target });
      },
    },
    isFocused,
  );
}
