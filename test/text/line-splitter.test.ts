import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { LineSplitter } from '../../src/text/line-splitter.js';

function collect(maxLine?: number): { lines: Array<[string, number]>; splitter: LineSplitter } {
  const lines: Array<[string, number]> = [];
  return { lines, splitter: new LineSplitter((line, cut) => lines.push([line, cut]), maxLine) };
}

test('a partial last line waits for its newline', () => {
  const { lines, splitter } = collect();
  splitter.push(Buffer.from('one\ntw'));
  assert.deepEqual(lines, [['one', 0]]);
  assert.equal(splitter.pending, true);
  splitter.push(Buffer.from('o\nthr'));
  splitter.push(Buffer.from('ee'));
  assert.deepEqual(lines, [['one', 0], ['two', 0]]);
  splitter.push(Buffer.from('\n'));
  assert.deepEqual(lines.map(([l]) => l), ['one', 'two', 'three']);
  assert.equal(splitter.pending, false);
});

test('a multi-byte character split across chunks stays whole', () => {
  const { lines, splitter } = collect();
  const bytes = Buffer.from('naïve ✓ 日本\n');
  for (const byte of bytes) splitter.push(Buffer.from([byte]));
  assert.deepEqual(lines, [['naïve ✓ 日本', 0]]);
});

test('invalid UTF-8 is replaced, not dropped', () => {
  const { lines, splitter } = collect();
  splitter.push(Buffer.from([0x61, 0xff, 0xfe, 0x62, 0x0a, 0xc3, 0x28, 0x0a]));
  assert.equal(lines.length, 2);
  assert.equal(lines[0][0], 'a\ufffd\ufffdb');
  assert.equal(lines[1][0], '\ufffd(');
});

test('raw 8-bit C1 bytes are invalid UTF-8 and cannot reach the terminal', () => {
  const { lines, splitter } = collect();
  splitter.push(Buffer.from([0x9b, 0x32, 0x4a, 0x0a]));
  assert.equal(lines[0][0], '\ufffd2J');
});

test('CRLF line endings, also split between chunks', () => {
  const { lines, splitter } = collect();
  splitter.push(Buffer.from('a\r\nb\r'));
  splitter.push(Buffer.from('\nc\r\n'));
  assert.deepEqual(lines.map(([l]) => l), ['a', 'b', 'c']);
});

test('escape sequences are neutralised on the block path and the partial path', () => {
  const { lines, splitter } = collect();
  splitter.push(Buffer.from('\x1b[2Jx\n\x1b]0;ti'));
  splitter.push(Buffer.from('tle\x07\n'));
  assert.deepEqual(lines.map(([l]) => l), ['␛[2Jx', '␛]0;title␇']);
});

test('a 1 MB line is cut to the bound and the cut is counted in bytes', () => {
  const { lines, splitter } = collect(4096);
  const huge = 'x'.repeat(1024 * 1024);
  splitter.push(Buffer.from(`before\n${huge}\nafter\n`));
  assert.equal(lines.length, 3);
  assert.equal(lines[1][0].length, 4096);
  assert.equal(lines[1][1], 1024 * 1024 - 4096);
  assert.deepEqual(lines[2], ['after', 0]);
});

test('a huge line arriving in many chunks never grows the held text past the bound', () => {
  const { lines, splitter } = collect(1000);
  for (let i = 0; i < 100; i++) splitter.push(Buffer.from('y'.repeat(10_000)));
  splitter.push(Buffer.from('\nnext\n'));
  assert.equal(lines[0][0].length, 1000);
  assert.equal(lines[0][1], 1_000_000 - 1000);
  assert.deepEqual(lines[1], ['next', 0]);
});

test('flush emits a held partial line', () => {
  const { lines, splitter } = collect();
  splitter.push(Buffer.from('tail without newline'));
  splitter.flush();
  assert.deepEqual(lines, [['tail without newline', 0]]);
});

test('a read larger than the decode piece gives the same lines as the same bytes a few at a time', () => {
  // ~300 KB: the splitter decodes big reads in pieces, so multi-byte characters, CRLF pairs and
  // colour sequences land on piece boundaries somewhere in here; none may be cut or lost.
  const kinds = ['plain ascii line', 'naïve ✓ 日本 🙂'.repeat(12), '\x1b[31mred\x1b[0m and \x1b[2J', 'tab\there\r', 'bidi \u202e x', ''];
  const text = Array.from({ length: 12_000 }, (_, i) => `${i} ${kinds[i % kinds.length]}`).join('\n') + '\n';
  const bytes = Buffer.from(text);
  const whole = collect();
  whole.splitter.push(bytes);
  const small = collect();
  for (let at = 0; at < bytes.length; at += 7) small.splitter.push(bytes.subarray(at, at + 7));
  assert.equal(whole.lines.length, 12_000);
  assert.deepEqual(whole.lines, small.lines);
  assert.equal(whole.lines[1][0], `1 ${'naïve ✓ 日本 🙂'.repeat(12)}`);
  assert.equal(whole.lines[2][0], '2 red and ␛[2J');
});

test('the ASCII fast path gives the same lines as the general path, however the bytes are cut', () => {
  // Invalid UTF-8 too: a lone lead byte held by the decoder at a cut must still become U+FFFD.
  const parts = ['plain line', '\x1b[32mINFO\x1b[0m ok', 'naïve ✓', '🙂', '\r', '\t', '\x1b[2J', '\x07', 'x'.repeat(40), '\n', '\n', '\n', [0xc3], [0xe6, 0x97], [0xff]];
  const stream = fc.array(fc.constantFrom(...parts), { maxLength: 60 }).map((p) => Buffer.concat(p.map((x) => (typeof x === 'string' ? Buffer.from(x) : Buffer.from(x)))));
  fc.assert(
    fc.property(stream, fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 20 }), (bytes, cuts) => {
      const fast: Array<[string, number]> = [];
      const general: Array<[string, number]> = [];
      const a = new LineSplitter((line, cut) => fast.push([line, cut]), 30);
      const b = new LineSplitter((line, cut) => general.push([line, cut]), 30, undefined, { asciiFastPath: false });
      for (let at = 0, i = 0; at < bytes.length; i++) {
        const piece = bytes.subarray(at, at + cuts[i % cuts.length]!);
        a.push(piece);
        b.push(piece);
        at += piece.length;
      }
      a.flush();
      b.flush();
      assert.deepEqual(fast, general);
    }),
    { numRuns: 2000 },
  );
});
