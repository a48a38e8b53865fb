import React, { useRef, useState } from 'react';
import { Text } from 'ink';
import { useModalInput } from '../keys/dispatcher.js';
import { editLine, type LineState } from './line-editor.js';

/** Props of a one-line text field that takes every key while active. */
export interface TextFieldProps {
  prefix: string;
  initial?: string;
  /** @default true */
  isActive?: boolean;
  /** Columns available, so a long text scrolls instead of wrapping. */
  width: number;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}

/** A one-line text field with a visible cursor (a block, so it shows without colour too). */
export function TextField({ prefix, initial = '', isActive = true, width, onSubmit, onCancel }: TextFieldProps) {
  const [state, setState] = useState<LineState>({ text: initial, cursor: initial.length });
  // Keys can arrive faster than renders (a paste, fast typing over SSH): edit the latest state,
  // not the one this render saw, or characters are lost.
  const latest = useRef(state);
  useModalInput((input, key) => {
    const edit = editLine(latest.current, input, key);
    if (edit.type === 'submit') onSubmit(latest.current.text);
    else if (edit.type === 'cancel') onCancel();
    else if (edit.type === 'edit') {
      latest.current = edit.state;
      setState(edit.state);
    }
  }, isActive);
  return <LineView prefix={prefix} state={state} width={width} />;
}

/** One row of editable text: the prefix, the part around the cursor that fits, a block cursor. */
export function LineView({ prefix, state, width }: { prefix: string; state: LineState; width: number }) {
  const room = Math.max(1, width - prefix.length - 1);
  const start = Math.max(0, state.cursor - room + 1);
  const visible = state.text.slice(start, start + room);
  const at = state.cursor - start;
  return (
    <Text wrap="truncate">
      {prefix}
      {visible.slice(0, at)}
      <Text inverse>{visible[at] ?? ' '}</Text>
      {visible.slice(at + 1)}
    </Text>
  );
}
