// What a bracketed paste puts into a field: the text as pasted, made safe by the one text kit
// (escape sequences of a paste of coloured output dropped whole, other controls shown as
// visible pictures such as ␇), with line breaks only where the field takes them.
import { neutralise } from '../../src/text/neutralise.js';

/** Whether the field takes line breaks ('lines') or is one line ('one-line': breaks become spaces). */
export type PasteShape = 'lines' | 'one-line';

/** The text a paste inserts into a field of the given shape. */
export function pastedText(raw: string, shape: PasteShape): string {
  // Terminals send a pasted line break as CR (tmux turns LF into CR): each is a line break here.
  const lines = raw.replace(/\r\n?/g, '\n');
  const text = neutralise(lines, { escapes: 'strip', newlines: 'keep', tabStop: 1 });
  if (shape === 'lines') return text;
  // One line: a trailing line break (copying a whole line) is not text; the ones inside are spaces.
  return text.replace(/\n+$/, '').replace(/\n+/g, ' ');
}
