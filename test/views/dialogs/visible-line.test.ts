// What a text field shows of a long line: the cursor always on screen, `…` where the text is cut.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import stringWidth from 'string-width';
import { visibleLine } from '../../../views/dialogs/visible-line.js';

function shown(text: string, cursor: number, width: number): string {
  const line = visibleLine(text, cursor, width);
  return `${line.before}[${line.atCursor}]${line.after}`;
}

const cases: [string, string, number, number, string][] = [
  ['short text, cursor at the end', 'abc', 3, 10, 'abc[ ]'],
  ['short text, cursor inside', 'abc', 1, 10, 'a[b]c'],
  ['long text, cursor at the end: cut at the left', 'abcdefghijklmnop', 16, 8, '…klmnop[ ]'],
  ['long text, cursor at the start: cut at the right', 'abcdefghijklmnop', 0, 8, '[a]bcdefg…'],
  ['long text, cursor in the middle: both ends cut', 'abcdefghijklmnop', 8, 8, '…defgh[i]…'],
  ['wide characters count two columns', '日本語のテキスト', 0, 8, '[日]本語…'],
];

for (const [what, text, cursor, width, expected] of cases) {
  test(`visibleLine: ${what}`, () => {
    const result = shown(text, cursor, width);
    assert.equal(result, expected);
    // Never wider than the field (the brackets mark the cursor cell and take no column).
    assert.ok(stringWidth(result.replace(/[[\]]/g, '')) <= width, `${result} fits ${width}`);
  });
}
