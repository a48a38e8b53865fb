// Durations as written in the file, and their short display form.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDuration } from '../../src/config/duration.js';
import { formatSetting as formatDuration } from '../../src/time/duration-text.js';

const good: [string, number][] = [
  ['500ms', 500],
  ['5s', 5000],
  ['15m', 900_000],
  ['1h', 3_600_000],
  ['1d', 86_400_000],
  ['1h30m', 5_400_000],
  ['2m30s', 150_000],
  ['1.5s', 1500],
  ['0', 0],
  ['0m', 0],
  [' 5s ', 5000],
];

for (const [text, ms] of good) {
  test(`duration ${JSON.stringify(text)} is ${ms} ms`, () => {
    assert.equal(parseDuration(text), ms);
  });
}

test('things that are not durations', () => {
  for (const text of ['', '5', '5 seconds', '5sec', 's', '-5s', '1h 30m', '5S', 'ms', '1.s', 'PT5S']) {
    assert.equal(parseDuration(text), undefined, text);
  }
});

test('formatDuration gives the short form', () => {
  assert.equal(formatDuration(0), '0s');
  assert.equal(formatDuration(250), '250ms');
  assert.equal(formatDuration(90_000), '1m30s');
  assert.equal(formatDuration(3_600_000), '1h');
  assert.equal(formatDuration(86_400_000 + 60_000), '1d1m');
});

test('parse and format agree on round numbers', () => {
  for (const text of ['5s', '15m', '1h30m', '1d', '4h']) {
    assert.equal(formatDuration(parseDuration(text)!), text);
  }
});
