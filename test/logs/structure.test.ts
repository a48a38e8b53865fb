// A log line split into the pane's columns: JSON, logfmt, and plain text with a leading
// timestamp, as the demo services and real ones write them; anything else stays as written.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldsText, lineParts, logfmtPairs, parseLogTime } from '../../src/logs/structure.js';

const AT = Date.parse('2026-12-03T08:12:26.810Z');

test('a JSON line: its time, message and logger out of the fields; the rest in order', () => {
  const parts = lineParts('{"time":"2026-12-03T08:12:26.810Z","level":"debug","service":"checkout-api","msg":"cache warm","items":42,"ok":true,"tags":["a"]}');
  assert.equal(parts.format, 'json');
  assert.equal(parts.time, AT);
  assert.equal(parts.message, 'cache warm');
  assert.equal(parts.origin, 'checkout-api');
  assert.deepEqual(parts.fields, [['items', '42'], ['ok', 'true'], ['tags', '["a"]']]);
});

test('a JSON object after a timestamp prefix takes the prefix as its time', () => {
  const parts = lineParts('2026-12-03T08:12:26.810Z {"level":"error","msg":"queue full","depth":1000}');
  assert.equal(parts.format, 'json');
  assert.equal(parts.time, AT);
  assert.equal(parts.message, 'queue full');
  assert.deepEqual(parts.fields, [['depth', '1000']]);
});

test('a logfmt line: quoted values unquoted, values kept exactly as written', () => {
  const parts = lineParts('time=2026-12-03T08:12:26.810Z level=warn logger=pool msg="slow query" dur=0012ms q="select \\"x\\""');
  assert.equal(parts.format, 'logfmt');
  assert.equal(parts.time, AT);
  assert.equal(parts.message, 'slow query');
  assert.equal(parts.origin, 'pool');
  assert.deepEqual(parts.fields, [['dur', '0012ms'], ['q', 'select "x"']]);
  assert.equal(fieldsText(parts.fields), 'dur=0012ms q="select \\"x\\""');
});

test('plain text: the leading timestamp and level word leave the message; the rest is untouched', () => {
  const parts = lineParts('2026-12-03T08:12:26.810Z DEBUG [checkout-api] cache warm items=42');
  assert.equal(parts.format, 'text');
  assert.equal(parts.time, AT);
  assert.equal(parts.message, 'cache warm items=42');
  assert.equal(parts.origin, 'checkout-api');
  assert.equal(lineParts('2026-12-03 08:12:26,810 ERR: reset').message, 'reset');
  assert.equal(lineParts('INFO no timestamp, level word kept').message, 'INFO no timestamp, level word kept');
  assert.ok(Number.isNaN(lineParts('GET /x 200').time));
});

test('what is not JSON or logfmt stays as it was written', () => {
  for (const line of ['{not json', '{"a":1} trailing', 'a=1 then words', '[1,2,3]', 'x=', '=y z=1']) {
    const parts = lineParts(line);
    assert.equal(parts.format, 'text', line);
    assert.equal(parts.message, line);
  }
  assert.equal(logfmtPairs('a=1 then words'), null);
});

test('a time field that is not a time is shown as a field; epoch seconds and ms are times', () => {
  assert.deepEqual(lineParts('{"time":"soon","msg":"x"}').fields, [['time', 'soon']]);
  assert.equal(parseLogTime('1764749546.81'), 1764749546810);
  assert.equal(parseLogTime('1764749546810'), 1764749546810);
  assert.ok(Number.isNaN(parseLogTime('12')));
});

test('line breaks inside a field (a JSON stack) do not break the row', () => {
  const parts = lineParts('{"msg":"boom\\nsecond","stack":"at a\\nat b"}');
  assert.equal(parts.message, 'boom ⏎ second');
  assert.deepEqual(parts.fields, [['stack', 'at a ⏎ at b']]);
});

test('escape sequences a JSON string decodes to are neutralised, keys included', () => {
  const parts = lineParts('{"msg":"red \\u001b[31mtext\\u001b]0;title\\u0007","k\\u001b[2J":"v"}');
  for (const text of [parts.message, ...parts.fields.flat()]) assert.ok(!/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(text), JSON.stringify(text));
});
