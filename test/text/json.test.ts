// JSON printed to a terminal: the same value for a script, nothing a terminal would act on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { terminalSafeJson } from '../../src/text/json.js';

test('terminalSafeJson escapes what JSON.stringify leaves raw, and parses back to the same value', () => {
  const value = { title: 'a\u202eb\u009b2J\u007f\u2028c\u001b]0;t\u0007', lone: '\ud800', n: [1, 'ok'] };
  const text = terminalSafeJson(value, 2);
  assert.doesNotMatch(text, /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u202e]|[\ud800-\udfff]/);
  assert.deepEqual(JSON.parse(text), value);
  assert.equal(terminalSafeJson({ a: 'plain' }), '{"a":"plain"}');
});
