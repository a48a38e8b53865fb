import React, { useState } from 'react';
import { Text } from 'ink';
import { editLine, type LineState } from '../dialogs/line-editor.js';
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
  const [done, setDone] = useState<string[]>([]);
  const [line, setLine] = useState<LineState>({ text: '', cursor: 0 });

  useModalInput((input, key) => {
    if (input.length > 1 && /[\r\n]/.test(input)) {
      // A paste: Ink hands it over as one input with the newlines inside.
      const pieces = input.split(/\r\n|\r|\n/);
      const first = line.text.slice(0, line.cursor) + (pieces.shift() ?? '');
      const rest = pieces.pop() ?? '';
      setDone([...done, first + line.text.slice(line.cursor), ...pieces].filter((l) => l.trim() !== ''));
      setLine({ text: rest, cursor: rest.length });
      return;
    }
    const edit = editLine(line, input, key);
    if (edit.type === 'submit') {
      const text = [...done, line.text].filter((l) => l.trim() !== '').join('\n');
      if (text === '') onCancel();
      else onSubmit(text);
    } else if (edit.type === 'cancel') onCancel();
    else if (edit.type === 'edit') setLine(edit.state);
  }, true);

  const prefix = `note${done.length > 0 ? ` (+${done.length} lines)` : ''}> `;
  const room = Math.max(1, width - prefix.length - 1);
  const start = Math.max(0, line.cursor - room + 1);
  const visible = line.text.slice(start, start + room);
  const at = line.cursor - start;
  return (
    <Text wrap="truncate">
      {prefix}
      {visible.slice(0, at)}
      <Text inverse>{visible[at] ?? ' '}</Text>
      {visible.slice(at + 1)}
    </Text>
  );
}
