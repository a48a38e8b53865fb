import React, { useRef, useState } from 'react';
import { Text } from 'ink';
import { useModalInput } from '../keys/dispatcher.js';
import { editLine, insertText, type LineState } from './line-editor.js';
import { visibleLine } from './visible-line.js';
import { pastedText } from './pasted-text.js';

/** Props of a one-line text field that takes every key while active. */
export interface TextFieldProps {
  prefix: string;
  initial?: string;
  /** @default true */
  isActive?: boolean;
  /** Columns available, so a long text scrolls instead of wrapping. */
  width: number;
  /** Show each character as `•` (a secret typed on a shared screen). @default false */
  masked?: boolean;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}

/** A one-line text field with a visible cursor (a block, so it shows without colour too). */
export function TextField({ prefix, initial = '', isActive = true, width, masked = false, onSubmit, onCancel }: TextFieldProps) {
  const [state, setState] = useState<LineState>({ text: initial, cursor: initial.length });
  // Keys can arrive faster than renders (fast typing over SSH): edit the latest state, not the
  // one this render saw, or characters are lost.
  const latest = useRef(state);
  const apply = (next: LineState) => {
    latest.current = next;
    setState(next);
  };
  useModalInput(
    (input, key) => {
      const edit = editLine(latest.current, input, key);
      if (edit.type === 'submit') onSubmit(latest.current.text);
      else if (edit.type === 'cancel') onCancel();
      else if (edit.type === 'edit') apply(edit.state);
      return edit.type === 'cancel';
    },
    isActive,
    {
      takesText: true,
      // A paste is text only: its line breaks become spaces and it never submits.
      onPaste: (text) => {
        const edit = insertText(latest.current, pastedText(text, 'one-line'));
        if (edit.type === 'edit') apply(edit.state);
      },
    },
  );
  return <LineView prefix={prefix} state={state} width={width} masked={masked} />;
}

/** One row of editable text: the prefix, the part around the cursor that fits (`…` where cut), a block cursor. */
export function LineView({ prefix, state, width, masked = false }: { prefix: string; state: LineState; width: number; masked?: boolean }) {
  const shown = masked ? { text: '•'.repeat([...state.text].length), cursor: [...state.text.slice(0, state.cursor)].length } : state;
  const line = visibleLine(shown.text, shown.cursor, Math.max(2, width - prefix.length));
  return (
    <Text wrap="truncate">
      {prefix}
      {line.before}
      <Text inverse>{line.atCursor}</Text>
      {line.after}
    </Text>
  );
}
