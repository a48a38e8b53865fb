// The one neutraliser: makes outside text (log lines, runbook text, config strings, HTTP bodies,
// command output, journal events) safe to put on a terminal. No character of it may move the
// cursor, set the title, write the clipboard, hide text or reorder it. Hand-written because it
// runs on every log line (B2) and because the output must show what was there rather than
// silently drop it (strip-ansi removes sequences and leaves lone C0/C1 and bidi controls).
//
// The rule (every entry point applies the same one; options only choose presentation):
// - ESC (0x1b) -> `␛` (U+241B); the rest of its sequence (`[2J`, `]0;title`, `P...`) is
//   printable and is kept as text, so CSI, OSC, DCS, APC, PM and SOS sequences become inert and
//   visible. By default SGR colour sequences (`ESC[...m`) are removed first: they carry no text,
//   docker compose and kubectl colourise by default, and the pane colours lines itself.
// - other C0 controls -> Unicode control pictures (`␀`..`␟`, e.g. BEL `␇`, CR `␍`), DEL -> `␡`.
// - 8-bit C1 controls (U+0080..U+009F, e.g. the one-byte CSI 0x9b) -> `\x9b` as text.
// - bidi controls (U+202A..U+202E, U+2066..U+2069, U+200E, U+200F, U+061C) and the Unicode line
//   and paragraph separators (U+2028, U+2029) -> `\u202e` as text: they reorder or break the
//   line they sit on, and with it the pane's border.
// - a lone surrogate (half of a character: invalid UTF-16, e.g. from a JSON `\ud800`) -> U+FFFD,
//   as invalid UTF-8 already is when bytes are decoded.
// - tab -> spaces to the next multiple of 4 columns.

/** Matches any character that needs the slow path; most lines have none. */
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;

/** What the slow path replaces: an SGR sequence whole, or one unsafe character. */
const REPLACE = /\x1b\[[0-9;:]{0,60}m|[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/g;

/** SGR colour sequences, removed before anything else in a block. */
const SGR = /\x1b\[[0-9;:]{0,60}m/g;

/**
 * Unsafe characters in a block of whole lines (newlines stay). A plain class, no CR lookahead:
 * that alternation made the scan 50% slower; CR before LF is told apart in the replacer.
 */
const UNSAFE_IN_BLOCK = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/g;
/** The same, non-global: a test without building a result when a block is clean. */
const UNSAFE_IN_BLOCK_TEST = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;

/** Every unsafe character (newline included), for the general entry point. */
const UNSAFE_ANY = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/g;

/**
 * Complete escape sequences, for `escapes: 'strip'`: CSI (7- and 8-bit), the control strings
 * OSC, DCS, SOS, PM, APC and screen/tmux's `ESC k` title (ended by BEL or ST), and two-byte
 * ESC sequences. An unterminated control string is not matched, so its ESC is shown instead.
 * Each `[^...]*` stops at the next ESC, which keeps the scan linear.
 */
const SEQUENCE =
  /\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]|(?:\x1b[\]PX^_k]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)|\x1b[ -/]*[0-OQ-WYZ\\`a-jl-~]/g;

/** Columns a tab advances to (next multiple of). */
export const TAB_STOP = 4;

/** How `neutralise` presents text; the safety rule itself is the same for every choice. */
export interface NeutraliseOptions {
  /**
   * Escape sequences: `strip-colour` removes SGR colour and shows the rest (`␛[2J`); `show`
   * shows every sequence, colour included (what a command would really send: a confirmation
   * must not hide an `ESC[8m`); `strip` removes complete sequences (command output, where
   * progress bars and colour are noise) and shows incomplete ones. @default 'strip-colour'
   */
  escapes?: 'strip-colour' | 'show' | 'strip';
  /** Line breaks: shown as `␊`, kept as line breaks, or turned into spaces. @default 'show' */
  newlines?: 'show' | 'keep' | 'space';
  /** Tab stop in columns. @default 4 */
  tabStop?: number;
  /** Keep only what follows the last `\r` of each line, as a terminal would (progress meters). @default false */
  overwrite?: boolean;
  /** Longest result in characters; longer text is cut and ends with `…`. */
  maxChars?: number;
}

/** Returns the line with every terminal control neutralised (see the file comment). */
export function neutraliseLine(line: string): string {
  // test() first: the common clean line costs one native scan and no allocation. The slow
  // path uses the regex engine's replace, which builds a flat string (a hand-built `+=`
  // string is a rope that makes every later charCodeAt on it slow).
  if (!UNSAFE.test(line)) return line;
  return line.replace(REPLACE, replaceLogControl);
}

/**
 * Neutralises a block of complete lines in one regex pass (cheaper than a test per line when
 * the block is split afterwards); `\n` separators are kept, CRLF becomes LF.
 */
export function neutraliseBlock(block: string): string {
  // Measured: the ESC check is a memchr (free), a plain-string SGR replace is far cheaper than
  // a callback per sequence, and the class-only regex is one native scan when nothing matches.
  const text = block.indexOf('\x1b') === -1 ? block : block.replace(SGR, '');
  return UNSAFE_IN_BLOCK_TEST.test(text) ? text.replace(UNSAFE_IN_BLOCK, replaceLogControl) : text;
}

/** Neutralises any outside text, presented as `options` say (see NeutraliseOptions). */
export function neutralise(text: string, options: NeutraliseOptions = {}): string {
  const { escapes = 'strip-colour', newlines = 'show', tabStop = TAB_STOP, overwrite = false, maxChars } = options;
  // Cut before (a bound on the work) and after (replacements can lengthen the text).
  let out = maxChars !== undefined && text.length > maxChars ? cut(text, maxChars) : text;
  if (overwrite && out.includes('\r')) out = overwriteLines(out);
  if (out.indexOf('\x1b') !== -1 || (escapes === 'strip' && /[\x90\x98\x9b\x9d-\x9f]/.test(out))) {
    if (escapes === 'strip-colour') out = out.replace(SGR, '');
    else if (escapes === 'strip') out = out.replace(SEQUENCE, '');
  }
  if (UNSAFE.test(out)) {
    const replacer = newlines === 'show' && tabStop === TAB_STOP ? replaceLogControl : controlReplacer(newlines, tabStop);
    out = out.replace(UNSAFE_ANY, replacer);
  }
  return maxChars !== undefined && out.length > maxChars ? cut(out, maxChars) : out;
}

/** Each line keeps what follows its last `\r` (a trailing one, or CRLF, does not count). */
function overwriteLines(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const end = line.endsWith('\r') ? line.replace(/\r+$/, '') : line;
      const cr = end.lastIndexOf('\r');
      return cr === -1 ? end : end.slice(cr + 1);
    })
    .join('\n');
}

/**
 * Outside text for one line of a view or a message (a heading, a title, a contact name, a server
 * error): neutralised, every run of whitespace (newlines and tabs too) one space, trimmed, and
 * cut to `maxChars` with `…`.
 */
export function oneLine(text: string, maxChars?: number): string {
  const flat = neutralise(text.replace(/[\t\n\r\v\f\u00a0\u2028\u2029]+/g, ' '), { newlines: 'space' }).replace(/ {2,}/g, ' ').trim();
  return maxChars !== undefined && flat.length > maxChars ? cut(flat, maxChars) : flat;
}

/** Cuts `text` to `max` characters ending in `…`, never between the halves of a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let keep = max - 1;
  const c = text.charCodeAt(keep - 1);
  if (c >= 0xd800 && c <= 0xdbff) keep--;
  return `${text.slice(0, keep)}…`;
}

/** The visible stand-in for one unsafe character (not tab, newline or CR: callers decide those). */
function visible(c: number, offset: number, whole: string): string {
  if (c === 0x1b) return '\u241b';
  if (c < 0x20) return String.fromCharCode(0x2400 + c);
  if (c === 0x7f) return '\u2421';
  if (c <= 0x9f) return '\\x' + c.toString(16);
  if (c >= 0xd800 && c <= 0xdfff) return surrogate(c, offset, whole);
  return '\\u' + c.toString(16).padStart(4, '0');
}

/** A surrogate stays when it is half of a valid pair; a lone one becomes U+FFFD. */
function surrogate(c: number, offset: number, whole: string): string {
  if (c <= 0xdbff) {
    const next = whole.charCodeAt(offset + 1);
    return next >= 0xdc00 && next <= 0xdfff ? whole[offset]! : '\ufffd';
  }
  const prev = whole.charCodeAt(offset - 1);
  return prev >= 0xd800 && prev <= 0xdbff ? whole[offset]! : '\ufffd';
}

/** Columns from `offset` to the next tab stop; exact unless earlier replacements changed widths. */
function tabSpaces(offset: number, whole: string, stop: number): string {
  return ' '.repeat(stop - ((offset - whole.lastIndexOf('\n', offset) - 1) % stop));
}

function replaceLogControl(match: string, offset: number, whole: string): string {
  if (match.length > 1) return ''; // SGR colour
  const c = match.charCodeAt(0);
  if (c === 0x0d && whole.charCodeAt(offset + 1) === 0x0a) return '';
  if (c === 0x09) return tabSpaces(offset, whole, TAB_STOP);
  return visible(c, offset, whole);
}

function controlReplacer(newlines: 'show' | 'keep' | 'space', tabStop: number) {
  return (match: string, offset: number, whole: string): string => {
    const c = match.charCodeAt(0);
    if (c === 0x0a) return newlines === 'keep' ? '\n' : newlines === 'space' ? ' ' : '\u240a';
    if (c === 0x0d && whole.charCodeAt(offset + 1) === 0x0a) return ''; // CRLF is one line break
    if (c === 0x09) return tabSpaces(offset, whole, tabStop);
    return visible(c, offset, whole);
  };
}

/**
 * How command output is shown: complete escape sequences removed (colour and progress-bar
 * cursor moves are noise there), a `\r` redraw keeps what a terminal would have left visible.
 */
export const COMMAND_OUTPUT: NeutraliseOptions = { escapes: 'strip', overwrite: true };

/** Text put up for approval (a command in a confirmation): every sequence shown, colour included, so an `ESC[8m` cannot hide what runs; line breaks kept. */
export const APPROVAL: NeutraliseOptions = { escapes: 'show', newlines: 'keep' };
