// Configured patterns run on the linear-time engine, or are refused with a reason a person can act on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileSafePattern, MAX_PATTERN_LENGTH } from '../../src/text/safe-pattern.js';

/** [pattern, what the refusal says]. */
const REFUSED: [string, RegExp][] = [
  ['token=(?=x)', /lookaround or a backreference/],
  ['(?<!a)b', /lookaround or a backreference/],
  ['(a)\\1', /lookaround or a backreference/],
  ['(unclosed', /not a valid pattern \(missing closing \)/],
  ['a{2000}', /not a valid pattern \(invalid repeat count/],
  ['a++', /not a valid pattern/],
  ['x'.repeat(MAX_PATTERN_LENGTH + 1), /longer than 1000 characters/],
  ['(?:a{1000}){1000}', /not a valid pattern|too large/],
];

for (const [pattern, says] of REFUSED) {
  test(`refused: ${pattern.slice(0, 40)}`, () => {
    const compiled = compileSafePattern(pattern);
    assert.ok('error' in compiled, 'expected a refusal');
    assert.match(compiled.error, says);
  });
}

test('accepted patterns match and replace with their groups', () => {
  const compiled = compileSafePattern('(sid)=([0-9a-f]+)');
  assert.ok(!('error' in compiled));
  assert.equal(compiled.test('a sid=beef b'), true);
  assert.equal(compiled.replaceAll('a sid=beef b sid=f00d', (m, g) => `${g[0]}:${m.length}`), 'a sid:8 b sid:8');
  assert.equal(compiled.replaceAll('nothing here', () => 'x'), 'nothing here');
});

test('(a+)+$ on a long line finishes in linear time', () => {
  const compiled = compileSafePattern('(a+)+$');
  assert.ok(!('error' in compiled));
  const started = performance.now();
  assert.equal(compiled.test(`${'a'.repeat(20_000)}!`), false);
  // V8's backtracking engine does not finish this in a lifetime; linear time is milliseconds.
  assert.ok(performance.now() - started < 5000);
});
