// Cutting by terminal columns: wide characters count two, and nothing cut ever passes the width.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import stringWidth from 'string-width';
import { cutToWidth, ellipsize, unjoinEmoji, wrapToWidth } from '../../src/text/width.js';

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
  // Narrow text is cut by length: the same pieces as measuring each.
  const narrow = 'abcdefghij'.repeat(7);
  assert.deepEqual(wrapToWidth(narrow, 8), narrow.match(/.{1,8}/g));
  assert.deepEqual(wrapToWidth(`${narrow}日`, 8).slice(0, -1), narrow.match(/.{1,8}/g)!.slice(0, -1));
});

/** Columns when each code point is drawn on its own, as tmux does once emoji are unjoined. */
function perCodePoint(text: string): number {
  let width = 0;
  for (const char of text) width += stringWidth(char);
  return width;
}

test('joined emoji are drawn one by one: the count string-width makes is the count a terminal draws', () => {
  // A family (ZWJ), a rainbow flag (VS16 + ZWJ), a red heart (VS16), a skin-tone thumb, a keycap.
  const joined = 'a 👩\u200d👩\u200d👧 b 🏳\ufe0f\u200d🌈 c ❤\ufe0f d 👍\u{1f3fd} e 1\ufe0f\u20e3 f';
  const plain = unjoinEmoji(joined);
  assert.equal(plain, 'a 👩👩👧 b 🏳🌈 c ❤ d 👍 e 1 f');
  assert.equal(stringWidth(plain), perCodePoint(plain));
  for (let columns = 0; columns <= perCodePoint(plain) + 1; columns++) {
    const cut = cutToWidth(joined, columns);
    assert.ok(plain.startsWith(cut), `a prefix of the unjoined text at ${columns}`);
    assert.equal(stringWidth(cut), perCodePoint(cut), `string-width and the terminal agree at ${columns}`);
    assert.ok(perCodePoint(cut) <= columns);
    assert.ok(perCodePoint(ellipsize(joined, columns)) <= columns);
    if (columns >= 2) assert.equal(wrapToWidth(joined, columns).join(''), plain); // a wide emoji needs two
  }
  assert.equal(unjoinEmoji('no emoji at all'), 'no emoji at all');
});
