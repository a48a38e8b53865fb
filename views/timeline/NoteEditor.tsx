import React, { useRef, useState } from 'react';
import { editLine, type LineState } from '../dialogs/line-editor.js';
import { LineView } from '../dialogs/TextField.js';
import { useModalInput } from '../keys/dispatcher.js';

/** Props of the note editor shown in place of the footer. */
export interface NoteEditorProps {
  width: number;
  /** Receives every line typed or pasted (one note each); never called with nothing. */
  onSubmit: (text: string) => void;
  onCancel: () => void;
}

/**
 * A one-row note editor that, unlike a plain text field, keeps the lines of a multi-line paste
 * apart (each becomes a note, e.g. several backfilled `13:52 ...` lines). Enter saves them all.
 */
export function NoteEditor({ width, onSubmit, onCancel }: NoteEditorProps) {
  const [draft, setDraftState] = useState<{ done: string[]; line: LineState }>({ done: [], line: { text: '', cursor: 0 } });
  // Keys can arrive faster than renders (a paste, fast typing): edit the latest draft, not this render's.
  const latest = useRef(draft);
  const setDraft = (next: typeof draft) => {
    latest.current = next;
    setDraftState(next);
  };

  useModalInput((input, key) => {
    const { done, line } = latest.current;
    if (input.length > 1 && /[\r\n]/.test(input)) {
      // A paste: Ink hands it over as one input with the newlines inside.
      const pieces = input.split(/\r\n|\r|\n/);
      const first = line.text.slice(0, line.cursor) + (pieces.shift() ?? '');
      const rest = pieces.pop() ?? '';
      setDraft({
        done: [...done, first + line.text.slice(line.cursor), ...pieces].filter((l) => l.trim() !== ''),
        line: { text: rest, cursor: rest.length },
      });
      return;
    }
    const edit = editLine(line, input, key);
    if (edit.type === 'submit') {
      const text = [...done, line.text].filter((l) => l.trim() !== '').join('\n');
      if (text === '') onCancel();
      else onSubmit(text);
    } else if (edit.type === 'cancel') onCancel();
    else if (edit.type === 'edit') setDraft({ done, line: edit.state });
  }, true);

  const prefix = `note${draft.done.length > 0 ? ` (+${draft.done.length} lines)` : ''}> `;
  return <LineView prefix={prefix} state={draft.line} width={width} />;
}
