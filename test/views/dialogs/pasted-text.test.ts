// What a paste puts into a field: the text, nothing that acts on the terminal (controls shown, not acted on), line breaks only where the field takes them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pastedText, type PasteShape } from '../../../views/dialogs/pasted-text.js';

const cases: [string, string, PasteShape, string][] = [
  ['plain text stays', 'restart checkout-api', 'one-line', 'restart checkout-api'],
  ['a copied line drops its line break', 'grep 5xx app.log\n', 'one-line', 'grep 5xx app.log'],
  ['breaks inside one-line text are spaces', 'a\r\nb\rc\nd', 'one-line', 'a b c d'],
  ['a field with lines keeps them (CRLF and CR as LF)', 'a\r\nb\rc\n', 'lines', 'a\nb\nc\n'],
  ['colour codes of pasted output are dropped', 'ERR \x1b[31mboom\x1b[0m', 'one-line', 'ERR boom'],
  ['a title-setting OSC is dropped whole', 'x\x1b]0;owned\x07y', 'one-line', 'xy'],
  ['cursor moves and clears are dropped', '\x1b[2J\x1b[Hhi\x1b[?2004l', 'one-line', 'hi'],
  ['8-bit CSI dropped, other controls shown as pictures', 'a\x9b2Jb\x07c\x00d\x7f', 'one-line', 'ab␇c␀d␡'],
  ['a bidi override is shown, not obeyed', '\u202eevil', 'one-line', '\\u202eevil'],
  ['tabs are spaces', 'a\tb', 'lines', 'a b'],
];

for (const [what, raw, shape, expected] of cases) {
  test(`pastedText: ${what}`, () => {
    assert.equal(pastedText(raw, shape), expected);
  });
}
