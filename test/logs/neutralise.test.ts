import assert from 'node:assert/strict';
import { test } from 'node:test';
import { neutraliseBlock, neutraliseLine } from '../../src/logs/neutralise.js';

// Every output must be free of anything a terminal would act on.
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

const cases: Array<{ name: string; input: string; expected: string }> = [
  { name: 'plain text unchanged', input: 'GET /health 200 3ms', expected: 'GET /health 200 3ms' },
  { name: 'CSI cursor up', input: 'a\x1b[2Ab', expected: 'a␛[2Ab' },
  { name: 'CSI cursor position', input: '\x1b[1;1Hgotcha', expected: '␛[1;1Hgotcha' },
  { name: 'clear screen', input: 'x\x1b[2J\x1b[H', expected: 'x␛[2J␛[H' },
  { name: 'OSC title set with BEL', input: '\x1b]0;pwned\x07after', expected: '␛]0;pwned␇after' },
  { name: 'OSC 8 hyperlink with ST', input: '\x1b]8;;http://x\x1b\\link', expected: '␛]8;;http://x␛\\link' },
  { name: 'DCS sequence', input: '\x1bP1$r0m\x1b\\', expected: '␛P1$r0m␛\\' },
  { name: 'SGR colour removed', input: '\x1b[31mERROR\x1b[0m boom', expected: 'ERROR boom' },
  { name: 'SGR conceal removed, text shown', input: 'a\x1b[8msecret\x1b[28m', expected: 'asecret' },
  { name: '8-bit CSI (U+009B)', input: 'a\u009b2Jb', expected: 'a\\x9b2Jb' },
  { name: '8-bit OSC (U+009D)', input: '\u009d0;t\u009c', expected: '\\x9d0;t\\x9c' },
  { name: 'carriage return overwrite', input: 'ok\rFAKE', expected: 'ok␍FAKE' },
  { name: 'backspace', input: 'abc\b\b\bxyz', expected: 'abc␈␈␈xyz' },
  { name: 'bell and NUL', input: '\x07\x00', expected: '␇␀' },
  { name: 'DEL', input: 'a\x7fb', expected: 'a␡b' },
  { name: 'bidi override', input: 'user\u202etxt.exe', expected: 'user\\u202etxt.exe' },
  { name: 'tab to spaces', input: 'a\tb', expected: 'a   b' },
  { name: 'tab at column 4', input: 'abcd\tx', expected: 'abcd    x' },
  { name: 'unicode kept', input: 'café ✓ 日本', expected: 'café ✓ 日本' },
];

for (const { name, input, expected } of cases) {
  test(`neutraliseLine: ${name}`, () => {
    const out = neutraliseLine(input);
    assert.equal(out, expected);
    assert.doesNotMatch(out, UNSAFE);
  });
  test(`neutraliseBlock: ${name}`, () => {
    const out = neutraliseBlock(`${input}\n${input}\n`);
    assert.equal(out, `${expected}\n${expected}\n`);
  });
}

test('neutraliseBlock turns CRLF into LF but shows a lone CR', () => {
  assert.equal(neutraliseBlock('a\r\nb\rc\r\n'), 'a\nb␍c\n');
});
