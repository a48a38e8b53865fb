// The one-line editor: each key applied to the text and cursor as readline does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editLine, type LineState } from '../../../views/dialogs/line-editor.js';
import { decodeKeys } from '../../../views/keys/terminal-input.js';

/**
 * Types into a field holding `text` with the cursor at `cursor` (default: the end). `raw` is one
 * of Ink's input events, or several (Ink cuts escape sequences out of a read as events of their own).
 */
function type(raw: string | string[], text = '', cursor = text.length): LineState | 'submit' | 'cancel' {
  let state: LineState = { text, cursor };
  for (const { input, key } of [raw].flat().flatMap(decodeKeys)) {
    const edit = editLine(state, input, key);
    if (edit.type === 'submit' || edit.type === 'cancel') return edit.type;
    if (edit.type === 'edit') state = edit.state;
  }
  return state;
}

const cases: [string, string, string, number | undefined, LineState | 'submit' | 'cancel'][] = [
  ['Backspace deletes before the cursor', 'abcdefXYZ\x7f\x7f\x7fok', '', undefined, { text: 'abcdefok', cursor: 8 }],
  ['Backspace at the start does nothing', '\x7f', 'ab', 0, { text: 'ab', cursor: 0 }],
  ['Delete deletes under the cursor', 'x', 'abc', 1, { text: 'axbc', cursor: 2 }],
  ['Delete at the end does nothing', '', 'abc', 3, { text: 'abc', cursor: 3 }],
  ['typing at the cursor', 'X', 'abc', 0, { text: 'Xabc', cursor: 1 }],
  ['Ctrl-U cuts before the cursor, Ctrl-K after', '\x15', 'hello world', 6, { text: 'world', cursor: 0 }],
  ['Ctrl-K', '\x0b', 'hello world', 5, { text: 'hello', cursor: 5 }],
  ['Ctrl-W cuts the word before', '\x17', 'restart checkout', undefined, { text: 'restart ', cursor: 8 }],
  ['Backspace takes a whole emoji', '\x7f', 'ok🔥', undefined, { text: 'ok', cursor: 2 }],
  ['Left steps over a whole emoji', '\x1b[D', 'ok🔥', undefined, { text: 'ok🔥', cursor: 2 }],
  ['Enter submits', 'abc\r', '', undefined, 'submit'],
  ['Esc cancels', '\x1b', 'abc', undefined, 'cancel'],
  ['Ctrl-C cancels', '\x03', 'abc', undefined, 'cancel'],
];

for (const [what, raw, text, cursor, expected] of cases) {
  test(`editLine: ${what}`, () => {
    assert.deepEqual(type(raw, text, cursor), expected);
  });
}

test('editLine: Delete and arrows as the terminal sends them', () => {
  assert.deepEqual(type('\x1b[3~', 'abc', 0), { text: 'bc', cursor: 0 });
  assert.deepEqual(type(['\x1b[D', '\x1b[D', '*'], 'abc'), { text: 'a*bc', cursor: 2 });
  assert.deepEqual(type(['\x1b[H', '\x1b[C', '*', '\x1b[F', '!'], 'abc'), { text: 'a*bc!', cursor: 5 });
  assert.deepEqual(type(['\x1b[H', '-'], 'abc'), { text: '-abc', cursor: 1 });
});
