// A small multi-line editing model for the status update editor: the one-line editor applied to
// the current line, plus Enter to split, Backspace at a line start and Delete at a line end to
// join, Up/Down to move, and pasted lines inserted at the cursor.
import type { Key } from 'ink';
import { editLine, insertText } from '../dialogs/line-editor.js';

/** Lines and a cursor (row, column). */
export interface AreaState {
  lines: string[];
  row: number;
  col: number;
}

/** Applies a key to the text area; returns the new state (the same object when nothing changed). */
export function editArea(state: AreaState, input: string, key: Key): AreaState {
  const { lines, row, col } = state;
  const line = lines[row] ?? '';
  if (key.return) {
    const next = [...lines.slice(0, row), line.slice(0, col), line.slice(col), ...lines.slice(row + 1)];
    return { lines: next, row: row + 1, col: 0 };
  }
  if (key.backspace && col === 0 && row > 0) {
    const previous = lines[row - 1] ?? '';
    const next = [...lines.slice(0, row - 1), previous + line, ...lines.slice(row + 1)];
    return { lines: next, row: row - 1, col: previous.length };
  }
  if (key.delete && col >= line.length && row < lines.length - 1) {
    const next = [...lines.slice(0, row), line + (lines[row + 1] ?? ''), ...lines.slice(row + 2)];
    return { lines: next, row, col };
  }
  if (key.upArrow || key.downArrow) {
    const target = Math.max(0, Math.min(lines.length - 1, row + (key.upArrow ? -1 : 1)));
    return { lines, row: target, col: Math.min(col, (lines[target] ?? '').length) };
  }
  const edit = editLine({ text: line, cursor: col }, input, key);
  if (edit.type !== 'edit') return state;
  return { lines: lines.map((l, i) => (i === row ? edit.state.text : l)), row, col: edit.state.cursor };
}

/** Inserts `text` (already made safe, lines separated by `\n`) at the cursor; the cursor ends after it. */
export function pasteIntoArea(state: AreaState, text: string): AreaState {
  const { lines, row, col } = state;
  const line = lines[row] ?? '';
  const pieces = text.split('\n');
  if (pieces.length === 1) {
    const edit = insertText({ text: line, cursor: col }, text);
    return edit.type === 'edit' ? { lines: lines.map((l, i) => (i === row ? edit.state.text : l)), row, col: edit.state.cursor } : state;
  }
  const last = pieces.at(-1)!;
  const inserted = [line.slice(0, col) + pieces[0], ...pieces.slice(1, -1), last + line.slice(col)];
  return { lines: [...lines.slice(0, row), ...inserted, ...lines.slice(row + 1)], row: row + pieces.length - 1, col: last.length };
}
