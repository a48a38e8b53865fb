// A small multi-line editing model for the status update editor: the one-line editor applied to
// the current line, plus Enter to split, Backspace at a line start to join, Up/Down to move.
import type { Key } from 'ink';
import { editLine } from '../dialogs/line-editor.js';

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
  if ((key.backspace || key.delete) && col === 0 && row > 0) {
    const previous = lines[row - 1] ?? '';
    const next = [...lines.slice(0, row - 1), previous + line, ...lines.slice(row + 1)];
    return { lines: next, row: row - 1, col: previous.length };
  }
  if (key.upArrow || key.downArrow) {
    const target = Math.max(0, Math.min(lines.length - 1, row + (key.upArrow ? -1 : 1)));
    return { lines, row: target, col: Math.min(col, (lines[target] ?? '').length) };
  }
  const edit = editLine({ text: line, cursor: col }, input, key);
  if (edit.type !== 'edit') return state;
  return { lines: lines.map((l, i) => (i === row ? edit.state.text : l)), row, col: edit.state.cursor };
}
