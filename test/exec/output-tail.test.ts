// The one output tail (actions and runbook steps keep their output in it): hostile bytes stay
// inert, huge lines and floods stay bounded in lines and bytes with the dropped lines counted,
// `\r` progress bars keep their last state, secrets never survive.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanOutputLine, OUTPUT_LINE_CHARS, OutputTail } from '../../src/exec/output-tail.js';
import { redact } from '../../src/text/redact.js';

/** True when `text` holds a character that could steer a terminal. */
function hasControl(text: string): boolean {
  return /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/.test(text);
}

test('lines are neutralised: colours dropped, progress rewrites collapsed, controls made visible', () => {
  const tail = new OutputTail({ maxLines: 10, clean: {} });
  for (const line of ['\u001b[1;31mERROR\u001b[0m x', ' 10%\r 55%\r100%', 'a\u0007b\u001b]0;owned\u0007c']) tail.push(line);
  assert.deepEqual(tail.last(), ['ERROR x', '100%', 'a␇bc']);
});

test('only the newest maxLines are kept, and the earlier ones are counted', () => {
  const tail = new OutputTail({ maxLines: 3, clean: {} });
  for (const line of ['1', '2', '3', '4', '5']) tail.push(line);
  assert.deepEqual([tail.last(), tail.dropped, tail.total, tail.last(2)], [['3', '4', '5'], 2, 5, ['4', '5']]);
});

test('bytes are bounded as well as lines: a flood of long lines keeps at most maxBytes', () => {
  const tail = new OutputTail({ maxLines: 10_000, maxBytes: 64 * 1024, clean: {} });
  for (let i = 0; i < 1000; i++) tail.push(`${i} ${'x'.repeat(1500)}`);
  const kept = tail.last();
  const bytes = kept.reduce((n, line) => n + Buffer.byteLength(line) + 1, 0);
  assert.ok(bytes <= 64 * 1024, `${bytes} bytes kept`);
  assert.ok(kept.length > 10, `${kept.length} lines kept`);
  assert.equal(tail.dropped + kept.length, 1000);
  assert.match(kept.at(-1)!, /^999 /);
});

test('a huge line is cut to the line bound with an ellipsis, and one line bigger than maxBytes is still shown', () => {
  const tail = new OutputTail({ maxBytes: 100, clean: {} });
  tail.push('a'.repeat(5_000_000));
  const [line] = tail.last();
  assert.equal(line!.length, OUTPUT_LINE_CHARS);
  assert.ok(line!.endsWith('…'));
  assert.equal(tail.length, 1, 'the newest line stays even when it alone is over the byte bound');
});

test('bytes: CRLF, a line split across writes, a character split across writes, a last line without newline', () => {
  const tail = new OutputTail({ clean: {} });
  const bytes = Buffer.from('one\r\ntw');
  tail.write(bytes);
  tail.write(Buffer.from('o\r\nsnow'));
  const snowman = Buffer.from('☃\nend');
  tail.write(snowman.subarray(0, 1));
  tail.write(snowman.subarray(1));
  assert.deepEqual(tail.last(), ['one', 'two', 'snow☃']);
  tail.end();
  assert.deepEqual(tail.last(), ['one', 'two', 'snow☃', 'end']);
});

test('hostile bytes stay inert: invalid UTF-8, C1, OSC 52 clipboard writes, bidi controls, lone escapes', () => {
  const tail = new OutputTail({ clean: {} });
  tail.write(Buffer.from([0xff, 0xfe, 0x41, 0x0a])); // invalid UTF-8
  tail.write(Buffer.from([0xc2, 0x9b, 0x32, 0x4a, 0x0a])); // U+009B (8-bit CSI) 2J
  tail.write(Buffer.from('\u001b]52;c;ZXZpbA==\u0007copied\n'));
  tail.write(Buffer.from('abc\u202edef\u2066\n'));
  tail.write(Buffer.from('lone \u001b\n'));
  tail.write(Buffer.from('\u001b[2J\u001b[Hcleared?\n'));
  tail.end();
  const lines = tail.last();
  assert.equal(lines.length, 6);
  for (const line of lines) assert.ok(!hasControl(line), `no control survives: ${JSON.stringify(line)}`);
  assert.equal(lines[0], '\ufffd\ufffdA');
  assert.equal(lines[2], 'copied');
  assert.equal(lines[5], 'cleared?');
});

test('a progress bar drawn with \\r over many writes keeps its last state, one line', () => {
  const tail = new OutputTail({ clean: {} });
  for (let p = 0; p <= 100; p += 10) tail.write(Buffer.from(`\rdownloading ${p}%`));
  tail.write(Buffer.from('\ndone\n'));
  assert.deepEqual(tail.last(), ['downloading 100%', 'done']);
});

test('a line that never ends is bounded while it arrives, then cut', () => {
  const tail = new OutputTail({ clean: {} });
  for (let i = 0; i < 200; i++) tail.write(Buffer.alloc(64 * 1024, 'y'));
  tail.write(Buffer.from('\nafter\n'));
  const lines = tail.last();
  assert.equal(lines.length, 2);
  assert.equal(lines[0]!.length, OUTPUT_LINE_CHARS);
  assert.equal(lines[1], 'after');
});

test('secrets: the run\'s own values and the redactor\'s shapes are masked before the cut', () => {
  const tail = new OutputTail({ clean: { secrets: ['hunter2'], redactor: redact } });
  tail.push('password is hunter2 ok');
  tail.push('Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123456789');
  const [first, second] = tail.last();
  assert.equal(first, 'password is *** ok');
  assert.ok(!second!.includes('abcdefghijklmnopqrstuvwxyz0123456789'), second);
  // Cutting first would leave the secret's first half; redacting first leaves none of it.
  const long = `${'x'.repeat(OUTPUT_LINE_CHARS - 10)} hunter2hunter2`;
  assert.ok(!cleanOutputLine(long, { secrets: ['hunter2'] }).includes('hunt'));
});

test('already-clean lines (a second tail of the same run) are kept as given', () => {
  const tail = new OutputTail({ maxLines: 2, clean: 'already-clean' });
  assert.equal(tail.push('␛[2J kept'), '␛[2J kept');
  tail.push('b');
  tail.push('c');
  assert.deepEqual([tail.last(), tail.dropped], [['b', 'c'], 1]);
});
