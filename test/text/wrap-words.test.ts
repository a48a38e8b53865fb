// wrapWords wraps as wrap-ansi does (hard, trimmed), measuring a word at a time: the same rows
// for any text the panes give it (neutralised: no escape sequences), at any width.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import wrapAnsi from 'wrap-ansi';
import stringWidth from 'string-width';
import { textWidth, wrapWords } from '../../src/text/width.js';

const reference = (text: string, columns: number, trim = true) => wrapAnsi(text, columns, { hard: true, trim }).split('\n');

test('wrapWords gives the rows wrap-ansi gives: words, long words, spaces, wide and zero-width characters, new lines', () => {
  // Pieces that meet at word edges: narrow and wide letters, combining marks, spaces in runs,
  // no-break spaces, new lines, an emoji. Not emoji sequences (flags, joiners, variation
  // selectors): wrap-ansi measures with its own string-width (7), which counts them otherwise
  // than the string-width (8) the console measures and cuts with; wrapWords uses the latter.
  const piece = fc.constantFrom('a', 'bc', 'word', 'x'.repeat(17), ' ', '  ', '中', '文字', 'é', 'e\u0301', '\u0301', '\u00a0', '\n', '\r\n', '-', '✓', 'ｱ', '👍');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 1, max: 24 }), (pieces, columns) => {
      const text = pieces.join('');
      assert.deepEqual(wrapWords(text, columns), reference(text, columns), JSON.stringify({ text, columns }));
      // Untrimmed (a confirmation: every space of the command is shown).
      assert.deepEqual(wrapWords(text, columns, { trim: false }), reference(text, columns, false), JSON.stringify({ text, columns, trim: false }));
    }),
    { numRuns: 5000 },
  );
});

test('wrapWords on a long line of prose and on a line of one long word', () => {
  const prose = Array.from({ length: 300 }, (_, i) => `word${i % 97}`).join(' ');
  for (const columns of [1, 7, 40, 99, 100]) {
    assert.deepEqual(wrapWords(prose, columns), reference(prose, columns));
    assert.deepEqual(wrapWords('z'.repeat(1000), columns), reference('z'.repeat(1000), columns));
  }
});

test('textWidth counts what string-width counts, measuring only the characters that may not be one column', () => {
  const piece = fc.constantFrom('a', 'word', ' ', '中', 'é', 'e\u0301', '\u0301', '\u00a0', '…', '👍', '👍🏽', '1\ufe0f\u20e3', '\u200d', '\ufe0f', '🇫🇷', '👨\u200d👩\u200d👧', '\u0007', 'ｱ', '\u2500', '한');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const text = pieces.join('');
      assert.equal(textWidth(text), stringWidth(text), JSON.stringify(text));
    }),
    { numRuns: 5000 },
  );
});
