// Makes log text safe to put on a terminal: no byte of log data may move the cursor, set the
// title, clear the screen or hide text. Hand-written because it runs on every line (B2) and
// because the output must show what was there rather than silently drop it (strip-ansi removes
// sequences and leaves lone C0/C1 controls in place).
//
// Replacements (visible, one glyph where Unicode has one):
// - ESC (0x1b) -> `␛` (U+241B); the rest of its sequence (`[2J`, `]0;title`, `P...`) is
//   printable and is kept as text, so CSI, OSC and DCS sequences become inert and visible.
// - SGR colour sequences (`ESC[...m`) are removed: they carry no text, docker compose and
//   kubectl colourise by default, and the pane colours lines itself.
// - other C0 controls -> Unicode control pictures (`␀`..`␟`, e.g. BEL `␇`, CR `␍`), DEL -> `␡`.
// - 8-bit C1 controls (U+0080..U+009F, e.g. the one-byte CSI 0x9b) and bidi overrides
//   (U+202A..U+202E, U+2066..U+2069) -> `\x9b` / `\u202e` as text.
// - tab -> spaces to the next multiple of 4 columns.

/** Matches any character that needs the slow path; most lines have none. */
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/** What the slow path replaces: an SGR sequence whole, or one unsafe character. */
const REPLACE = /\x1b\[[0-9;:]{0,60}m|[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** SGR colour sequences, removed before anything else in a block. */
const SGR = /\x1b\[[0-9;:]{0,60}m/g;

/**
 * Unsafe characters in a block of whole lines (newlines stay). A plain class, no CR lookahead:
 * that alternation made the scan 50% slower; CR before LF is told apart in the replacer.
 */
const UNSAFE_IN_BLOCK = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
/** The same, non-global: a test without building a result when a block is clean. */
const UNSAFE_IN_BLOCK_TEST = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/** Columns a tab advances to (next multiple of). */
const TAB_STOP = 4;

/** Returns the line with every terminal control neutralised (see the file comment). */
export function neutraliseLine(line: string): string {
  // test() first: the common clean line costs one native scan and no allocation. The slow
  // path uses the regex engine's replace, which builds a flat string (a hand-built `+=`
  // string is a rope that makes every later charCodeAt on it slow).
  if (!UNSAFE.test(line)) return line;
  return line.replace(REPLACE, replaceControl);
}

/**
 * Neutralises a block of complete lines in one regex pass (cheaper than a test per line when
 * the block is split afterwards); `\n` separators are kept, CRLF becomes LF.
 */
export function neutraliseBlock(block: string): string {
  // Measured: the ESC check is a memchr (free), a plain-string SGR replace is far cheaper than
  // a callback per sequence, and the class-only regex is one native scan when nothing matches.
  const text = block.indexOf('\x1b') === -1 ? block : block.replace(SGR, '');
  return UNSAFE_IN_BLOCK_TEST.test(text) ? text.replace(UNSAFE_IN_BLOCK, replaceControl) : text;
}

function replaceControl(match: string, offset: number, whole: string): string {
  if (match.length > 1) return ''; // SGR colour
  const c = match.charCodeAt(0);
  if (c === 0x1b) return '\u241b';
  if (c === 0x0d && whole.charCodeAt(offset + 1) === 0x0a) return '';
  // The column is the input offset in its line: exact unless earlier replacements changed widths.
  if (c === 0x09) return ' '.repeat(TAB_STOP - ((offset - whole.lastIndexOf('\n', offset) - 1) % TAB_STOP));
  if (c < 0x20) return String.fromCharCode(0x2400 + c);
  if (c === 0x7f) return '\u2421';
  if (c <= 0x9f) return '\\x' + c.toString(16);
  return '\\u' + c.toString(16);
}
