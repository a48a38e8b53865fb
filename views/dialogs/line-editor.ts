import type { Key } from 'ink';

/** The state of a one-line text field. */
export interface LineState {
  text: string;
  cursor: number;
}

/** What a key does to a text field: an edit, a submit, a cancel, or nothing. */
export type LineEdit = { type: 'edit'; state: LineState } | { type: 'submit' } | { type: 'cancel' } | { type: 'none' };

/** Applies one keypress to a text field (readline-style basics: arrows, Home/End, C-u, C-w). */
export function editLine(state: LineState, input: string, key: Key): LineEdit {
  const { text, cursor } = state;
  if (key.return) return { type: 'submit' };
  if (key.escape) return { type: 'cancel' };
  if (key.backspace || key.delete) {
    if (cursor === 0) return { type: 'none' };
    return { type: 'edit', state: { text: text.slice(0, cursor - 1) + text.slice(cursor), cursor: cursor - 1 } };
  }
  if (key.leftArrow) return { type: 'edit', state: { text, cursor: Math.max(0, cursor - 1) } };
  if (key.rightArrow) return { type: 'edit', state: { text, cursor: Math.min(text.length, cursor + 1) } };
  if (key.home || (key.ctrl && input === 'a')) return { type: 'edit', state: { text, cursor: 0 } };
  if (key.end || (key.ctrl && input === 'e')) return { type: 'edit', state: { text, cursor: text.length } };
  if (key.ctrl && input === 'u') return { type: 'edit', state: { text: text.slice(cursor), cursor: 0 } };
  if (key.ctrl && input === 'w') {
    const start = text.slice(0, cursor).replace(/\S+\s*$/, '').length;
    return { type: 'edit', state: { text: text.slice(0, start) + text.slice(cursor), cursor: start } };
  }
  if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) {
    return { type: 'none' };
  }
  // Pasted control characters never reach the field: they could move the cursor on screen.
  const clean = input.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  if (!clean) return { type: 'none' };
  return { type: 'edit', state: { text: text.slice(0, cursor) + clean + text.slice(cursor), cursor: cursor + clean.length } };
}
