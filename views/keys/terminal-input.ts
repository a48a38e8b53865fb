// Turns what the terminal sends into keypresses and pastes, in order. Our own code, because Ink
// 6.8 does not do it: its parser cuts a read only at escape sequences, so a read of several keys
// (key repeat, a slow SSH link, tmux) reaches `useInput` as one string ("abc\x7f\x7f\r") whose
// Backspaces and Enter are no keys at all, and it knows nothing of bracketed paste. Ink 7 splits
// Backspace/Delete runs and adds `usePaste`, but needs Node 22 and still leaves an Enter inside a
// read as text. Here every key of a read is its own keypress, and a bracketed paste is one event.
// Input comes from Ink's own raw input events (after its escape-sequence parsing), so a whole
// escape sequence is always one event.
import type { Key } from 'ink';

/** One keypress, as Ink's `useInput` describes keys. */
export interface KeyPress {
  type: 'key';
  input: string;
  key: Key;
}

/** Text pasted with bracketed paste: never keys, whatever it holds. */
export interface Paste {
  type: 'paste';
  text: string;
}

/** What the console receives from the terminal. */
export type InputEvent = KeyPress | Paste;

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';
/** A paste longer than this is cut: no field needs more, and a runaway paste must not fill memory. */
export const MAX_PASTE_CHARS = 100_000;

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
};

function press(input: string, key: Partial<Key> = {}): KeyPress {
  return { type: 'key', input, key: { ...NO_KEY, ...key } };
}

/** Final bytes of `ESC [ … X` and `ESC O X` sequences that are keys. */
const LETTER_KEYS: Record<string, Partial<Key>> = {
  A: { upArrow: true }, B: { downArrow: true }, C: { rightArrow: true }, D: { leftArrow: true },
  H: { home: true }, F: { end: true }, Z: { tab: true, shift: true },
};

/** Numbers of `ESC [ n ~` sequences that are keys (rxvt and xterm variants of Home/End included). */
const TILDE_KEYS: Record<string, Partial<Key>> = {
  '1': { home: true }, '7': { home: true }, '4': { end: true }, '8': { end: true },
  '3': { delete: true }, '5': { pageUp: true }, '6': { pageDown: true },
};

/** The key of one escape sequence (`ESC [ 1 ; 5 A` is Ctrl-Up); null for those the console does not use. */
function sequenceKey(sequence: string): KeyPress | null {
  const match = /^\x1b(?:\[\[?|O)([\d;]*)([A-Za-z~])$/.exec(sequence);
  if (!match) return null;
  const [, params = '', final = ''] = match;
  const [first = '', modifierText] = params.split(';');
  const named = final === '~' ? TILDE_KEYS[first] : LETTER_KEYS[final];
  if (!named) return null;
  // xterm modifiers: 1 + (1 Shift, 2 Alt, 4 Ctrl).
  const modifier = Math.max(0, Number(modifierText ?? 1) - 1);
  return press('', { ...named, shift: Boolean(named.shift) || (modifier & 1) !== 0, meta: (modifier & 2) !== 0, ctrl: (modifier & 4) !== 0 });
}

/** The keypress of one character that is not part of an escape sequence. */
function characterKey(char: string): KeyPress | null {
  if (char === '\r' || char === '\n') return press('', { return: true });
  if (char === '\t') return press('', { tab: true });
  if (char === '\x7f' || char === '\b') return press('', { backspace: true });
  const code = char.codePointAt(0)!;
  // Ctrl-A … Ctrl-Z (the ones above are Ctrl-I, Ctrl-J, Ctrl-M, Ctrl-H).
  if (code >= 1 && code <= 26) return press(String.fromCharCode(code + 96), { ctrl: true });
  // Other C0 and C1 controls (Ctrl-@, Ctrl-\ …) are no key the console uses.
  if (code < 32 || (code >= 0x80 && code < 0xa0)) return null;
  return press(char, { shift: /^[A-Z]$/.test(char) });
}

/**
 * The keypresses in one of Ink's raw input events: a run of characters (no escape inside), one
 * escape sequence, or an escape followed by one character. The console binds no Alt keys, so an
 * escape followed by a character is Escape and then that key: over a slow link Esc and the next
 * key arrive together, and that is what the operator typed.
 */
export function decodeKeys(raw: string): KeyPress[] {
  if (!raw.startsWith('\x1b')) return [...raw].map(characterKey).filter((k): k is KeyPress => k !== null);
  const escape = press('', { escape: true, meta: true });
  if (raw === '\x1b') return [escape];
  // A sequence, or one after an escape (Alt with an arrow on some terminals).
  const sequence = sequenceKey(raw) ?? sequenceKey(raw.slice(1));
  if (sequence) return [sequence];
  if ([...raw].length === 2) return [escape, ...decodeKeys(raw.slice(1))];
  // An escape sequence the console does not use (F-keys, focus reports…): not text, not a key.
  return [];
}

/**
 * Cuts Ink's raw input events into keypresses and pastes. Holds the state of a bracketed paste
 * that spans several events (its text may hold escape sequences, which Ink's parser cut out).
 */
export class TerminalInput {
  private pasting: string | null = null;

  /** Whether a paste has started and not yet ended. */
  get inPaste(): boolean {
    return this.pasting !== null;
  }

  /** The events one raw input event holds, in order. */
  push(raw: string): InputEvent[] {
    if (this.pasting !== null) {
      if (raw === PASTE_END) return this.endPaste();
      if (this.pasting.length < MAX_PASTE_CHARS) this.pasting = (this.pasting + raw).slice(0, MAX_PASTE_CHARS);
      return [];
    }
    if (raw === PASTE_START) {
      this.pasting = '';
      return [];
    }
    // An end without a start (the start was lost, or cut by a paste too long): nothing to do.
    if (raw === PASTE_END) return [];
    return decodeKeys(raw);
  }

  /** Ends a paste whose end never came (a terminal that dropped it): what came so far is the paste. */
  endPaste(): InputEvent[] {
    const text = this.pasting;
    this.pasting = null;
    return text ? [{ type: 'paste', text }] : [];
  }
}
