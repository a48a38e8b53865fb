// The rows of a confirmation, wrapped to the dialog's width and never cut: an operator approves
// what they can read, so every character of the command being approved must be on screen.
import { wrapWords } from '../../src/text/width.js';

/** One row of a dialog's body. */
export interface DialogRow {
  text: string;
  kind: 'title' | 'line';
}

/**
 * Wraps `text` to `width` columns keeping every character: breaks go at spaces where they can
 * (a word longer than the width is broken), and no space is trimmed, so the rows put back
 * together are exactly the text (tested): a command's spacing is part of what is approved.
 */
export function wrapExact(text: string, width: number): string[] {
  return text.split('\n').flatMap((line) => wrapWords(line, Math.max(1, width), { trim: false }));
}

/** The title and body of a dialog as rows `width` columns wide. */
export function dialogRows(title: string, lines: readonly string[], width: number): DialogRow[] {
  return [
    ...wrapExact(title, width).map((text) => ({ text, kind: 'title' as const })),
    ...lines.flatMap((line) => wrapExact(line, width).map((text) => ({ text, kind: 'line' as const }))),
  ];
}
