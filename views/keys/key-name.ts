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
  if (key.backspace) return 'backspace';
  if (key.delete) return 'delete';
  if (key.ctrl && input) return `ctrl-${input.toLowerCase()}`;
  if (input === ' ') return 'space';
  return input;
}

/**
 * Whether a key only edits the text of a field (a character, Backspace, Delete, Left/Right,
 * Home/End): in a text field it never opens or closes anything, so the next key need not wait
 * for the console to draw it. (Ctrl keys, Up/Down and the rest do wait: some fields use them.)
 */
export function isTextEdit(key: Key): boolean {
  if (key.return || key.escape || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown || key.meta) return false;
  return !key.ctrl;
}
