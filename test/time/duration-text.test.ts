// The duration family: one elapsed form everywhere (screen, updates, post-mortem), one for run
// times, one for settings that parseDuration reads back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDuration } from '../../src/config/duration.js';
import { formatDuration, formatRunTime, formatSetting, formatTarget } from '../../src/time/duration-text.js';

test('an elapsed time reads the same wherever it is shown', () => {
  const cases: [number, string][] = [[0, '0s'], [45_000, '45s'], [65_000, '1m05s'], [252_000, '4m12s'], [7_500_000, '2h05m'], [273_600_000, '3d04h']];
  for (const [ms, text] of cases) assert.equal(formatDuration(ms), text, `${ms} ms`);
});

test('a run time keeps the sub-second part while it matters', () => {
  const cases: [number, string][] = [[0, '0ms'], [850, '850ms'], [1234, '1.2s'], [9_999, '9.9s'], [12_000, '12s'], [65_000, '1m05s']];
  for (const [ms, text] of cases) assert.equal(formatRunTime(ms), text, `${ms} ms`);
  assert.equal(formatRunTime(Number.NaN), '?');
});

test('a setting is written as the config writes it, and reads back', () => {
  const cases: [number, string][] = [[0, '0s'], [250, '250ms'], [1500, '1.5s'], [10_000, '10s'], [90_000, '1m30s'], [120_000, '2m'], [3_600_000, '1h'], [86_460_000, '1d1m']];
  for (const [ms, text] of cases) {
    assert.equal(formatSetting(ms), text, `${ms} ms`);
    assert.equal(parseDuration(text), ms, text);
  }
});

test('a response target reads in minutes or hours', () => {
  assert.equal(formatTarget(900_000), '15m');
  assert.equal(formatTarget(3_600_000), '1h');
  assert.equal(formatTarget(5_400_000), '1h30m');
});
