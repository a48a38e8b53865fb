// Cutting by terminal columns: wide characters count two, and nothing cut ever passes the width.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import stringWidth from 'string-width';
import { cutToWidth, ellipsize, wrapToWidth } from '../../src/text/width.js';

/** [text, columns, cut, ellipsized]. */
const CASES: [string, number, string, string][] = [
  ['plain text', 5, 'plain', 'plai…'],
  ['short', 10, 'short', 'short'],
  ['日本語のログ', 5, '日本', '日本…'],
  ['ok 🚀 done', 4, 'ok ', 'ok …'],
  ['é combining é', 3, 'é c', 'é …'],
  ['anything', 1, 'a', ''],
  ['anything', 0, '', ''],
];

for (const [text, columns, cut, ellipsized] of CASES) {
  test(`cutToWidth and ellipsize: ${JSON.stringify(text)} in ${columns}`, () => {
    assert.equal(cutToWidth(text, columns), cut);
    assert.equal(ellipsize(text, columns), ellipsized);
    assert.ok(stringWidth(cutToWidth(text, columns)) <= columns);
    assert.ok(stringWidth(ellipsize(text, columns)) <= columns);
  });
}

test('wrapToWidth keeps every character, each piece within the width', () => {
  const text = 'ab日本cd🚀ef';
  const pieces = wrapToWidth(text, 3);
  assert.equal(pieces.join(''), text);
  for (const piece of pieces) assert.ok(stringWidth(piece) <= 3, piece);
  assert.deepEqual(wrapToWidth('', 3), ['']);
});
