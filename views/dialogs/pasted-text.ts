// What a bracketed paste puts into a field: the text as pasted, without what could act on the
// terminal or the field. Escape sequences (a paste of coloured output) are dropped whole,
// other control characters too; tabs become spaces; line breaks stay where the field takes them.

/** Escape sequences: CSI (`ESC [ … final`), string controls (OSC, DCS, APC, PM, SOS up to BEL or ST), and ESC + one character. */
const ESCAPE_SEQUENCE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[\s\S]?|\x9b[0-?]*[ -/]*[@-~]/g;
/** Control characters other than the line feed (C0, DEL, C1). */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/** Whether the field takes line breaks ('lines') or is one line ('one-line': breaks become spaces). */
export type PasteShape = 'lines' | 'one-line';

/** The text a paste inserts into a field of the given shape. */
export function pastedText(raw: string, shape: PasteShape): string {
  const text = raw
    .replace(ESCAPE_SEQUENCE, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROL, '');
  if (shape === 'lines') return text;
  // One line: a trailing line break (copying a whole line) is not text; the ones inside are spaces.
  return text.replace(/\n+$/, '').replace(/\n+/g, ' ');
}
