import React, { useRef, useState } from 'react';
import { editLine, insertText, type LineState } from '../dialogs/line-editor.js';
import { pastedText } from '../dialogs/pasted-text.js';
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
 * apart (each becomes a note, e.g. several backfilled `13:52 ...` lines). A paste never saves:
 * Enter saves them all.
 */
export function NoteEditor({ width, onSubmit, onCancel }: NoteEditorProps) {
  const [draft, setDraftState] = useState<{ done: string[]; line: LineState }>({ done: [], line: { text: '', cursor: 0 } });
  // Keys can arrive faster than renders (fast typing over a slow link): edit the latest draft, not this render's.
  const latest = useRef(draft);
  const setDraft = (next: typeof draft) => {
    latest.current = next;
    setDraftState(next);
  };

  const paste = (raw: string) => {
    const { done, line } = latest.current;
    const pieces = pastedText(raw, 'lines').split('\n');
    // The first piece joins the line being typed at the cursor; the last one stays open for more typing.
    const first = insertText(line, pieces.shift() ?? '');
    const joined = first.type === 'edit' ? first.state : line;
    if (pieces.length === 0) return setDraft({ done, line: joined });
    const rest = pieces.pop()!;
    setDraft({
      done: [...done, joined.text, ...pieces].filter((l) => l.trim() !== ''),
      line: { text: rest, cursor: rest.length },
    });
  };

  useModalInput(
    (input, key) => {
      const { done, line } = latest.current;
      const edit = editLine(line, input, key);
      if (edit.type === 'submit') {
        const text = [...done, line.text].filter((l) => l.trim() !== '').join('\n');
        if (text === '') onCancel();
        else onSubmit(text);
      } else if (edit.type === 'cancel') onCancel();
      else if (edit.type === 'edit') setDraft({ done, line: edit.state });
      return edit.type === 'cancel';
    },
    true,
    { takesText: true, onPaste: paste },
  );

  const prefix = `note${draft.done.length > 0 ? ` (+${draft.done.length} lines)` : ''}> `;
  return <LineView prefix={prefix} state={draft.line} width={width} />;
}
