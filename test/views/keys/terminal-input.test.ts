// Cutting what the terminal sends into keys and pastes: every key of a read on its own, in order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeKeys, MAX_PASTE_CHARS, TerminalInput, type InputEvent } from '../../../views/keys/terminal-input.js';
import { keyName } from '../../../views/keys/key-name.js';

/** Each event as a key name (see keyName) or `paste:TEXT`. */
function names(events: InputEvent[]): string[] {
  return events.map((event) => (event.type === 'paste' ? `paste:${event.text}` : keyName(event.input, event.key)));
}

// What one of Ink's raw input events holds → the keys in it.
const cases: [string, string, string[]][] = [
  ['a run of letters', 'abc', ['a', 'b', 'c']],
  ['Backspaces (DEL and BS) inside a run', 'ab\x7f\x7fc\b', ['a', 'b', 'backspace', 'backspace', 'c', 'backspace']],
  ['Enter (CR or LF) inside a run', 'x-1\rx-2\n', ['x', '-', '1', 'enter', 'x', '-', '2', 'enter']],
  ['Tab and Ctrl letters', '\t\x01\x05\x15\x17\x03', ['tab', 'ctrl-a', 'ctrl-e', 'ctrl-u', 'ctrl-w', 'ctrl-c']],
  ['space and capitals', ' R', ['space', 'R']],
  ['wide characters and emoji are one key each', '日本🔥', ['日', '本', '🔥']],
  ['other controls are no key', '\x00\x1c\x85a', ['a']],
  ['arrows (CSI and SS3)', '\x1b[A', ['up']],
  ['SS3 arrow', '\x1bOB', ['down']],
  ['Home/End, xterm and rxvt forms', '\x1b[1~', ['home']],
  ['End', '\x1b[F', ['end']],
  ['Delete is not Backspace', '\x1b[3~', ['delete']],
  ['PgUp', '\x1b[5~', ['pageup']],
  ['Shift-Tab', '\x1b[Z', ['shift-tab']],
  ['Ctrl-Up keeps its modifier', '\x1b[1;5A', ['up']],
  ['a lone Esc', '\x1b', ['escape']],
  ['Esc then a key in one read (no Alt keys here)', '\x1b:', ['escape', ':']],
  ['Esc Esc', '\x1b\x1b', ['escape', 'escape']],
  ['Esc then Enter', '\x1b\r', ['escape', 'enter']],
  ['an F-key is no key', '\x1b[15~', []],
  ['a focus report is no key', '\x1b[I', []],
];

for (const [what, raw, expected] of cases) {
  test(`decodeKeys: ${what}`, () => {
    assert.deepEqual(names(decodeKeys(raw)), expected);
  });
}

test('decodeKeys: Ctrl-Up is up with ctrl; Shift-Tab is tab with shift; capitals carry shift', () => {
  assert.equal(decodeKeys('\x1b[1;5A')[0]!.key.ctrl, true);
  assert.equal(decodeKeys('\x1b[Z')[0]!.key.shift, true);
  assert.equal(decodeKeys('R')[0]!.key.shift, true);
  assert.equal(decodeKeys('\x7f')[0]!.key.delete, false);
});

test('a bracketed paste is one event however Ink cut it, escape sequences inside included', () => {
  const input = new TerminalInput();
  const events = ['a', '\x1b[200~', 'line one\rq', '\x1b[31m', 'red', '\x1b[201~', 'b'].flatMap((raw) => input.push(raw));
  assert.deepEqual(names(events), ['a', 'paste:line one\rq\x1b[31mred', 'b']);
});

test('a paste whose end never came is ended on demand; an end without a start is nothing', () => {
  const input = new TerminalInput();
  assert.deepEqual(input.push('\x1b[200~'), []);
  assert.deepEqual(input.push('half'), []);
  assert.equal(input.inPaste, true);
  assert.deepEqual(names(input.endPaste()), ['paste:half']);
  assert.equal(input.inPaste, false);
  assert.deepEqual(input.push('\x1b[201~'), []);
  assert.deepEqual(names(input.push('q')), ['q']);
});

test('a runaway paste is cut at MAX_PASTE_CHARS', () => {
  const input = new TerminalInput();
  input.push('\x1b[200~');
  for (let i = 0; i < 30; i++) input.push('x'.repeat(10_000));
  const [paste] = input.push('\x1b[201~');
  assert.equal(paste?.type === 'paste' && paste.text.length, MAX_PASTE_CHARS);
});
