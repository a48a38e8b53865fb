import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BoundedOutput, commandLineSplitter, MAX_LINE_CHARS } from '../../src/exec/output-buffer.js';
import { needsShell, toArgv } from '../../src/exec/command-line.js';

test('BoundedOutput keeps everything under the budget', () => {
  const out = new BoundedOutput(100);
  out.push(Buffer.from('hello '));
  out.push(Buffer.from('world'));
  assert.equal(out.text(), 'hello world');
  assert.equal(out.droppedBytes, 0);
});

test('BoundedOutput keeps head and rolling tail and counts the rest', () => {
  const out = new BoundedOutput(10);
  for (const chunk of ['abc', 'def', 'ghi', 'jkl', 'mno', 'pqr']) out.push(Buffer.from(chunk));
  assert.equal(out.droppedBytes, 18 - 10);
  assert.equal(out.text(), 'abcde\n[… 8 bytes dropped …]\nnopqr');
});

test('BoundedOutput handles one chunk larger than the whole budget', () => {
  const out = new BoundedOutput(4);
  out.push(Buffer.from('0123456789'));
  out.push(Buffer.from('x'));
  assert.equal(out.text(), '01\n[… 7 bytes dropped …]\n9x');
});

test('the command line splitter splits across chunks, strips CR and flushes a partial line', () => {
  const lines: string[] = [];
  const splitter = commandLineSplitter((line) => lines.push(line));
  for (const chunk of ['a\nb', 'c\r\n', '', 'd\n\ne']) splitter.push(Buffer.from(chunk));
  assert.deepEqual(lines, ['a', 'bc', 'd', '']);
  splitter.flush();
  assert.deepEqual(lines, ['a', 'bc', 'd', '', 'e']);
});

test('the command line splitter keeps a multi-byte character split across chunks whole', () => {
  const lines: string[] = [];
  const splitter = commandLineSplitter((line) => lines.push(line));
  const bytes = Buffer.from('é✓\n');
  splitter.push(bytes.subarray(0, 1));
  splitter.push(bytes.subarray(1, 3));
  splitter.push(bytes.subarray(3));
  assert.deepEqual(lines, ['é✓']);
});

test('the command line splitter cuts a line that never ends instead of growing', () => {
  const lines: string[] = [];
  const splitter = commandLineSplitter((line) => lines.push(line));
  splitter.push(Buffer.alloc(MAX_LINE_CHARS * 2 + 5, 'y'));
  splitter.push(Buffer.from('\nnext\n'));
  assert.deepEqual(lines.map((line) => line.length), [MAX_LINE_CHARS, 4]);
});

test('the command line splitter hands command lines on raw: escapes are the output tail\'s to neutralise', () => {
  const lines: string[] = [];
  const splitter = commandLineSplitter((line) => lines.push(line));
  splitter.push(Buffer.from('\u001b[31mred\u001b[0m\r\n 10%\r100%\n'));
  assert.deepEqual(lines, ['\u001b[31mred\u001b[0m', ' 10%\r100%']);
});

const shellCases: Array<[string, boolean]> = [
  ['echo hello', false],
  ['systemctl restart checkout-api', false],
  ['docker compose logs -f --tail=100 payments-worker', false],
  ['tail -f /var/log/x | grep ERROR', true],
  ["sh -c 'tail -f x'", true],
  ['echo $HOME', true],
  ['ls *.log', true],
  ['FOO=1 env', true],
  ['a && b', true],
  ['cat < in > out', true],
];
for (const [command, expected] of shellCases) {
  test(`needsShell(${JSON.stringify(command)}) is ${expected}`, () => {
    assert.equal(needsShell(command), expected);
    assert.equal(toArgv(command)[0] === '/bin/sh', expected);
  });
}
