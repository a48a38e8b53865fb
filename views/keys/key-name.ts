import type { Key } from 'ink';

/** Turns Ink's (input, key) pair into the key names used by the key table (src/keys/keymap.ts). */
export function keyName(input: string, key: Key): string {
  if (key.tab) return key.shift ? 'shift-tab' : 'tab';
  if (key.return) return 'enter';
  if (key.escape) return 'escape';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl && input) return `ctrl-${input.toLowerCase()}`;
  if (input === ' ') return 'space';
  return input;
}

/** One keypress as the dispatcher handles it. */
export interface KeyPress {
  input: string;
  key: Key;
}

/**
 * Cuts one read of the terminal into the keypresses it holds. Several keys can arrive in one read
 * (typing fast over SSH, tmux send-keys, a paste), and Ink hands them over as one string:
 * - outside a text field (`modal` false) each character is its own keypress, and a CR in the
 *   run is Enter;
 * - in a text field the text stays one edit (a paste), but a CR ending the read is Enter, as when
 *   someone types a command and presses Enter before the console has drawn it. CRs inside the
 *   read stay text (the field turns them into spaces), so a pasted block never submits halfway.
 */
export function splitRead(input: string, key: Key, modal: boolean): KeyPress[] {
  const plain = !key.ctrl && !key.meta && !key.escape && !key.return && !key.tab;
  if (!plain || input.length <= 1) return [{ input, key }];
  const enter: KeyPress = { input: '', key: { ...key, return: true } };
  if (modal) return /[\r\n]$/.test(input) ? [{ input: input.slice(0, -1), key }, enter] : [{ input, key }];
  return [...input].map((char) => (char === '\r' || char === '\n' ? enter : { input: char, key }));
}
