import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ThresholdTracker, type ThresholdState } from '../../src/metrics/threshold.js';

function run(tracker: ThresholdTracker, values: (number | null)[]): ThresholdState[] {
  return values.map((v) => {
    tracker.update(v);
    return tracker.state;
  });
}

test('no thresholds: state none, nothing changes', () => {
  const t = new ThresholdTracker({ below: false });
  assert.deepEqual(run(t, [1, 100, 1e9]), ['none', 'none', 'none']);
});

test('a worse state is entered on the first sample past it', () => {
  const t = new ThresholdTracker({ warn: 10, crit: 20, below: false });
  assert.deepEqual(run(t, [5, 10, 25]), ['ok', 'warn', 'crit']);
});

test('a value dancing on the line does not flap', () => {
  const t = new ThresholdTracker({ crit: 100, below: false });
  assert.deepEqual(run(t, [101, 99, 101, 99.5, 100, 98]), ['crit', 'crit', 'crit', 'crit', 'crit', 'crit']);
});

test('leaving needs two consecutive samples past the 5% margin', () => {
  const t = new ThresholdTracker({ crit: 100, below: false });
  // 96 is inside the margin (needs <= 95); 94 twice leaves.
  assert.deepEqual(run(t, [120, 96, 94, 96, 94, 94]), ['crit', 'crit', 'crit', 'crit', 'crit', 'ok']);
});

test('crit steps down to warn, then to ok', () => {
  const t = new ThresholdTracker({ warn: 50, crit: 100, below: false });
  assert.deepEqual(run(t, [150, 70, 70, 10, 10]), ['crit', 'crit', 'warn', 'warn', 'ok']);
});

test('gaps change nothing and do not count as clear samples', () => {
  const t = new ThresholdTracker({ crit: 10, below: false });
  assert.deepEqual(run(t, [11, null, 1, null, NaN, 1]), ['crit', 'crit', 'crit', 'crit', 'crit', 'ok']);
});

test('below: low values are bad', () => {
  const t = new ThresholdTracker({ warn: 20, crit: 10, below: true });
  assert.deepEqual(run(t, [50, 15, 5, 10.2, 11, 11]), ['ok', 'warn', 'crit', 'crit', 'crit', 'warn']);
});

test('update reports the change with its value', () => {
  const t = new ThresholdTracker({ crit: 1, below: false });
  assert.equal(t.update(0.5), null);
  assert.deepEqual(t.update(2), { from: 'ok', to: 'crit', value: 2 });
  assert.equal(t.update(0.1), null);
  assert.deepEqual(t.update(0.1), { from: 'crit', to: 'ok', value: 0.1 });
});
