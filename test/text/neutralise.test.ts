// The text kit's one neutraliser: the rule, table-driven, then every presentation option, then
// a property over arbitrary strings (no option may let anything unsafe through).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { COMMAND_OUTPUT, cut, neutralise, neutraliseBlock, neutraliseLine, oneLine, type NeutraliseOptions } from '../../src/text/neutralise.js';

// Every output must be free of anything a terminal would act on, and of lone surrogates.
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

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
  { name: 'bidi isolates', input: 'a\u2066b\u2069c\u2067d\u2068e', expected: 'a\\u2066b\\u2069c\\u2067d\\u2068e' },
  { name: 'left-to-right and right-to-left marks', input: 'x\u200ey\u200fz', expected: 'x\\u200ey\\u200fz' },
  { name: 'Arabic letter mark', input: 'a\u061cb', expected: 'a\\u061cb' },
  { name: 'line and paragraph separators', input: 'a\u2028b\u2029c', expected: 'a\\u2028b\\u2029c' },
  { name: 'lone high surrogate', input: 'a\ud800b', expected: 'a\ufffdb' },
  { name: 'lone low surrogate', input: 'a\udc00b', expected: 'a\ufffdb' },
  { name: 'surrogate pair (emoji) kept', input: 'ok \ud83d\ude80 done', expected: 'ok \ud83d\ude80 done' },
  { name: 'reversed pair is two lone halves', input: '\ude80\ud83d', expected: '\ufffd\ufffd' },
  { name: '8-bit DCS, APC, PM, SOS', input: '\u0090x\u009fy\u009ez\u0098w', expected: '\\x90x\\x9fy\\x9ez\\x98w' },
  { name: 'APC and PM sequences', input: '\x1b_cmd\x1b\\\x1b^pm\x1b\\', expected: '␛_cmd␛\\␛^pm␛\\' },
  { name: 'OSC 52 clipboard write', input: '\x1b]52;c;cHduZWQ=\x07', expected: '␛]52;c;cHduZWQ=␇' },
  { name: 'tmux title ESC k', input: '\x1bkpwned\x1b\\', expected: '␛kpwned␛\\' },
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

/** Options each entry point uses, and a few more: the rule must hold for every one. */
const OPTIONS: NeutraliseOptions[] = [
  {},
  { escapes: 'show' },
  { escapes: 'strip' },
  COMMAND_OUTPUT,
  { newlines: 'keep' },
  { newlines: 'space', tabStop: 8 },
  { escapes: 'strip', newlines: 'keep', maxChars: 20 },
];

test('neutralise: no option lets an unsafe character through (arbitrary strings)', () => {
  const hostile = fc.constantFrom('\x1b', '\x1b[', '\x1b]', '\x07', '\x9b', '\x9d', '\x9c', '\r', '\n', '\t', '\u202e', '\u2066', '\u200f', '\u061c', '\ud800', '\udc00', '\ud83d\ude80', 'm', ';', '8', '\\');
  const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.array(hostile, { maxLength: 40 }).map((parts) => parts.join('')));
  fc.assert(
    fc.property(text, fc.constantFrom(...OPTIONS), (input, options) => {
      const out = neutralise(input, options);
      const allowed = options.newlines === 'keep' ? out.replace(/\n/g, '') : out;
      return !UNSAFE.test(allowed) && (options.maxChars === undefined || out.length <= options.maxChars);
    }),
    { numRuns: 3000 },
  );
  fc.assert(fc.property(text, (input) => !UNSAFE.test(oneLine(input)) && !UNSAFE.test(neutraliseLine(input)) && !UNSAFE.test(neutraliseBlock(input).replace(/\n/g, ''))), { numRuns: 3000 });
});

test('neutralise with the log defaults is neutraliseLine', () => {
  for (const { input } of cases) assert.equal(neutralise(input), neutraliseLine(input));
});

/** [what, input, options, expected]. */
const presentation: [string, string, NeutraliseOptions, string][] = [
  ['show keeps colour visible (a confirmation must not hide ESC[8m)', 'echo ok \x1b[8m; touch x\x1b[0m', { escapes: 'show' }, 'echo ok ␛[8m; touch x␛[0m'],
  ['strip removes complete sequences', 'a\x1b[2Kb\x1b]0;t\x07c\x1bPq\x1b\\d\x1b7e\x9b1mf', { escapes: 'strip' }, 'abcdef'],
  ['strip shows an unterminated control string', 'a\x1b]0;title', { escapes: 'strip' }, 'a␛]0;title'],
  ['overwrite keeps what a terminal shows after \\r', ' 10%\r 55%\r100%\nnext\r\n', COMMAND_OUTPUT, '100%\u240anext\u240a'],
  ['newlines kept', 'a\r\nb\nc', { newlines: 'keep' }, 'a\nb\nc'],
  ['newlines as spaces', 'a\nb', { newlines: 'space' }, 'a b'],
  ['tab stop 8', 'ab\tc', { tabStop: 8 }, 'ab      c'],
  ['tab after a kept newline counts from the line start', 'abcdef\na\tb', { newlines: 'keep' }, 'abcdef\na   b'],
  ['maxChars cuts with an ellipsis', 'abcdefghij', { maxChars: 5 }, 'abcd…'],
  ['maxChars after replacements', '\x9b\x9b\x9b', { maxChars: 6 }, '\\x9b\\…'],
];

for (const [what, input, options, expected] of presentation) {
  test(`neutralise: ${what}`, () => assert.equal(neutralise(input, options), expected));
}

test('oneLine: one neutralised line, whitespace collapsed, cut', () => {
  assert.equal(oneLine('  Deploy\x1b]0;pwned\x07 \n\t now\u202e  '), 'Deploy␛]0;pwned␇ now\\u202e');
  assert.equal(oneLine('a\u2028b'), 'a b');
  assert.equal(oneLine('x'.repeat(50), 10), `${'x'.repeat(9)}…`);
});

test('cut never splits a surrogate pair', () => {
  assert.equal(cut('ab\ud83d\ude80cd', 4), 'ab…');
  assert.equal(cut('abc', 3), 'abc');
});
