import type { Key } from 'ink';

/** The state of a one-line text field. */
export interface LineState {
  text: string;
  cursor: number;
}

/** What a key does to a text field: an edit, a submit, a cancel, or nothing. */
export type LineEdit = { type: 'edit'; state: LineState } | { type: 'submit' } | { type: 'cancel' } | { type: 'none' };

/**
 * Applies one keypress to a text field, readline-style: arrows, Home/End, Backspace (before the
 * cursor), Delete (under it), Ctrl-A/E/U/K/W; Esc or Ctrl-C cancels. The cursor counts UTF-16
 * units but never stops inside a character (emoji are two units).
 */
export function editLine(state: LineState, input: string, key: Key): LineEdit {
  const { text, cursor } = state;
  if (key.return) return { type: 'submit' };
  if (key.escape || (key.ctrl && input === 'c')) return { type: 'cancel' };
  const edit = (next: string, at: number): LineEdit => ({ type: 'edit', state: { text: next, cursor: at } });
  if (key.backspace) {
    if (cursor === 0) return { type: 'none' };
    const from = previousBoundary(text, cursor);
    return edit(text.slice(0, from) + text.slice(cursor), from);
  }
  if (key.delete) {
    if (cursor >= text.length) return { type: 'none' };
    return edit(text.slice(0, cursor) + text.slice(nextBoundary(text, cursor)), cursor);
  }
  if (key.leftArrow) return edit(text, previousBoundary(text, cursor));
  if (key.rightArrow) return edit(text, nextBoundary(text, cursor));
  if (key.home || (key.ctrl && input === 'a')) return edit(text, 0);
  if (key.end || (key.ctrl && input === 'e')) return edit(text, text.length);
  if (key.ctrl && input === 'u') return edit(text.slice(cursor), 0);
  if (key.ctrl && input === 'k') return edit(text.slice(0, cursor), cursor);
  if (key.ctrl && input === 'w') {
    const start = text.slice(0, cursor).replace(/\S+\s*$/, '').length;
    return edit(text.slice(0, start) + text.slice(cursor), start);
  }
  if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) {
    return { type: 'none' };
  }
  return insertText(state, input);
}

/** Inserts text at the cursor; control characters never reach the field (they could move the cursor on screen). */
export function insertText(state: LineState, input: string): LineEdit {
  const clean = input.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  if (!clean) return { type: 'none' };
  const { text, cursor } = state;
  return { type: 'edit', state: { text: text.slice(0, cursor) + clean + text.slice(cursor), cursor: cursor + clean.length } };
}

/** The index one character before `at` (a surrogate pair is one character). */
function previousBoundary(text: string, at: number): number {
  if (at <= 0) return 0;
  const low = text.charCodeAt(at - 1);
  return at >= 2 && low >= 0xdc00 && low <= 0xdfff && text.charCodeAt(at - 2) >= 0xd800 && text.charCodeAt(at - 2) <= 0xdbff ? at - 2 : at - 1;
}

/** The index one character after `at`. */
function nextBoundary(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const code = text.codePointAt(at)!;
  return at + (code > 0xffff ? 2 : 1);
}
