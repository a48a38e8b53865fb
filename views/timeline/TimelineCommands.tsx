import React from 'react';
import { useColonCommands, useCommands } from '../keys/dispatcher.js';
import { useWarroom, useWarroomStore } from '../store-context.js';
import { NoteEditor } from './NoteEditor.js';

/** What the note, `:note` and `:export` commands do, given the store's timeline actions. */
function useTimelineCommands() {
  const store = useWarroomStore();
  const addNotes = (text: string): void => {
    const state = store.getState();
    const actions = state.timelineActions;
    if (!actions) return state.showFlash('no incident journal is open: notes cannot be saved', 'error');
    const { added, held } = actions.addNotes(text);
    // "added" only for what is on disk; a held note is saved (and shown) when the journal can write.
    if (held > 0) state.showFlash(`${held === 1 ? 'note' : `${held} notes`} NOT saved yet: journal not writable, held and retrying${added > 0 ? ` (${added} added)` : ''}`, 'error', 15_000);
    else state.showFlash(added === 1 ? 'note added' : `${added} notes added`);
  };
  useCommands({ note: () => store.getState().setNoteOpen(true) });
  const incident = () => {
    const actions = store.getState().timelineActions;
    if (!actions) store.getState().showFlash('no incident journal is open: roles and milestones cannot be saved', 'error');
    return actions?.incident;
  };
  useColonCommands({
    role: (args) => void incident()?.role(args),
    milestone: (_args, rest) => void incident()?.milestone(rest),
    ack: (_args, rest) => void incident()?.ack(rest),
    note: (_args, rest) => {
      if (rest.trim() === '') store.getState().setNoteOpen(true);
      else addNotes(rest);
    },
    export: () => {
      const state = store.getState();
      if (!state.timelineActions) return state.showFlash('no incident journal is open: nothing to export', 'error');
      try {
        state.showFlash(`post-mortem draft written to ${state.timelineActions.exportMarkdown()}`, 'info', 10_000);
      } catch (error) {
        state.showFlash(`export failed: ${(error as Error).message}`, 'error');
      }
    },
  });
  return addNotes;
}

/**
 * The timeline's console commands (`n`, `:note [TIME] TEXT`, `:export`, `:role`, `:milestone`,
 * `:ack`) and, while a note is
 * being written, the note editor in the footer row (`footer` is shown otherwise).
 */
export function TimelineCommands({ width, footer }: { width: number; footer: React.ReactNode }) {
  const noteOpen = useWarroom((s) => s.noteOpen);
  const setNoteOpen = useWarroom((s) => s.setNoteOpen);
  const addNotes = useTimelineCommands();
  if (!noteOpen) return <>{footer}</>;
  return (
    <NoteEditor
      width={width}
      onCancel={() => setNoteOpen(false)}
      onSubmit={(text) => {
        setNoteOpen(false);
        addNotes(text);
      }}
    />
  );
}
