// The frame guard between Ink and the terminal: Ink's own output passes byte for byte; anything
// that could retitle the terminal, write the clipboard or switch charsets is removed, even when
// it hides inside otherwise legitimate frames.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { guardedStream, guardFrame } from '../../src/text/frame-guard.js';

/** What Ink writes: synchronized output, cursor moves, erases, SGR colour, text, newlines. */
const INK_FRAME =
  '\x1b[?2026h\x1b[2K\x1b[1A\x1b[2K\x1b[G\x1b[1m\x1b[31mINC-1\x1b[39m\x1b[22m │ P2 │ 12s\n╔═▶1 Status ═╗\r\n\x1b[?25l\x1b[>1u\x1b[<u\x1b[?2026l';

test('Ink output passes untouched', () => {
  assert.equal(guardFrame(INK_FRAME), INK_FRAME);
  assert.equal(guardFrame('plain ✓ 日本 🚀'), 'plain ✓ 日本 🚀');
});

/** [what, hostile insert]. */
const HOSTILE: [string, string][] = [
  ['OSC 0 title (BEL)', '\x1b]0;pwned\x07'],
  ['OSC 2 title (ST)', '\x1b]2;pwned\x1b\\'],
  ['OSC 52 clipboard', '\x1b]52;c;cHduZWQ=\x07'],
  ['OSC 8 hyperlink', '\x1b]8;;http://evil\x1b\\'],
  ['8-bit OSC', '\x9d0;pwned\x9c'],
  ['DCS tmux passthrough', '\x1bPtmux;\x1b\x1b]0;x\x07\x1b\\'],
  ['APC', '\x1b_payload\x1b\\'],
  ['PM', '\x1b^payload\x1b\\'],
  ['SOS', '\x1bXpayload\x1b\\'],
  ['screen/tmux ESC k title', '\x1bkpwned\x1b\\'],
  ['full reset RIS', '\x1bc'],
  ['DECSC save cursor', '\x1b7'],
  ['charset switch SO', '\x0e'],
  ['charset designation', '\x1b(0'],
  ['bell', '\x07'],
  ['backspace', '\x08'],
  ['bidi override', '\u202e'],
  ['bidi isolate', '\u2066'],
  ['8-bit CSI', '\x9b'],
  ['unterminated OSC up to the next ESC', '\x1b]0;pwned'],
];

for (const [what, insert] of HOSTILE) {
  test(`guardFrame removes ${what} and keeps the frame around it`, () => {
    // Inserted where a view's text ends, as a hostile string in a view would be.
    const at = INK_FRAME.indexOf('INC-1') + 5;
    const out = guardFrame(`${INK_FRAME.slice(0, at)}${insert}${INK_FRAME.slice(at)}`);
    assert.equal(out, INK_FRAME);
  });
}

test('guardFrame: no OSC, DCS, APC, PM, SOS or non-CSI ESC survives arbitrary input', () => {
  const piece = fc.constantFrom('\x1b', '\x1b[', '\x1b]', '\x1bP', '\x1b_', '\x1bk', '\x07', '\x9c', '\x9d', '\x90', '\\', '0;t', '52;c;', 'm', '\u202e', 'x');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const out = guardFrame(parts.join(''));
      return !/\x1b(?!\[)|[\x00-\x09\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/.test(out);
    }),
    { numRuns: 3000 },
  );
});

test('guardedStream filters writes and leaves the rest of the stream alone', () => {
  const sink = new PassThrough();
  let written = '';
  sink.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
  (sink as unknown as { columns: number }).columns = 80;
  const guarded = guardedStream(sink);
  guarded.write('a\x1b]0;pwned\x07b');
  guarded.write(Buffer.from('c\x1b]52;c;eA==\x07d'));
  assert.equal((guarded as unknown as { columns: number }).columns, 80);
  let resized = false;
  guarded.on('resize', () => (resized = true));
  sink.emit('resize');
  assert.equal(resized, true);
  assert.equal(written, 'abcd');
});
