import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Level } from '../../src/logs/level.js';
import {
  INITIAL_LOGS_PANE, markedLine, newSinceFrozen, reduceLogsPane, visibleLines, type LogsPaneAction, type LogsPaneState,
} from '../../src/logs/pane-state.js';
import { LogRingBuffer } from '../../src/logs/ring-buffer.js';

const LEVELS = [Level.info, Level.debug, Level.warn, Level.error, Level.info];

/** A ring of `n` lines "line i" from two sources, levels cycling through LEVELS. */
function ringOf(n: number, capacity = 1000): LogRingBuffer {
  const ring = new LogRingBuffer(capacity);
  for (let i = 0; i < n; i++) ring.push(i % 2, LEVELS[i % LEVELS.length], i, `line ${i}`);
  return ring;
}

function run(ring: LogRingBuffer, actions: LogsPaneAction[], height = 5, state: LogsPaneState = INITIAL_LOGS_PANE): LogsPaneState {
  return actions.reduce((s, a) => reduceLogsPane(s, a, ring, height), state);
}

test('live view shows the newest lines, newest at the bottom', () => {
  const ring = ringOf(20);
  assert.deepEqual(visibleLines(ring, INITIAL_LOGS_PANE, 5), [15, 16, 17, 18, 19]);
});

test('regex filter, smart case, and an invalid regex leaves a message instead of throwing', () => {
  const ring = ringOf(20);
  let state = run(ring, [{ type: 'set-filter', text: 'LINE 1\\d' }]);
  assert.deepEqual(visibleLines(ring, state, 5), [], 'capitals make it case-sensitive');
  state = run(ring, [{ type: 'set-filter', text: 'line 1\\d' }]);
  assert.deepEqual(visibleLines(ring, state, 5), [15, 16, 17, 18, 19]);
  state = run(ring, [{ type: 'set-filter', text: 'line (1' }], 5, state);
  assert.match(state.message ?? '', /invalid regex/);
  assert.equal(state.filterText, 'line 1\\d', 'the previous filter stays');
  state = run(ring, [{ type: 'set-filter', text: '' }], 5, state);
  assert.equal(state.filter, null);
});

test('minimum level cycles and hides lower levels', () => {
  const ring = ringOf(20);
  const state = run(ring, [{ type: 'cycle-level' }, { type: 'cycle-level' }, { type: 'cycle-level' }]);
  assert.equal(state.minLevel, Level.warn);
  assert.ok(visibleLines(ring, state, 10).every((seq) => ring.level(seq) >= Level.warn));
  assert.equal(run(ring, [{ type: 'cycle-level' }, { type: 'cycle-level' }], 5, state).minLevel, Level.unknown);
});

test('hidden sources are not shown', () => {
  const ring = ringOf(20);
  const state = run(ring, [{ type: 'toggle-source', source: 1 }]);
  assert.deepEqual(visibleLines(ring, state, 3), [14, 16, 18]);
  assert.deepEqual(run(ring, [{ type: 'toggle-source', source: 1 }], 5, state).hidden, []);
});

test('pause freezes the view and counts new lines; resume goes live', () => {
  const ring = ringOf(20, 5000);
  const paused = run(ring, [{ type: 'toggle-pause' }]);
  for (let i = 20; i < 1254; i++) ring.push(0, Level.info, i, `line ${i}`);
  assert.deepEqual(visibleLines(ring, paused, 3), [17, 18, 19]);
  assert.equal(newSinceFrozen(ring, paused), 1234);
  const resumed = run(ring, [{ type: 'toggle-pause' }], 5, paused);
  assert.equal(newSinceFrozen(ring, resumed), 0);
  assert.deepEqual(visibleLines(ring, resumed, 2), [1252, 1253]);
});

test('a paused view whose lines left the ring shows the oldest held ones', () => {
  const ring = ringOf(20, 50);
  const paused = run(ring, [{ type: 'toggle-pause' }]);
  for (let i = 20; i < 200; i++) ring.push(0, Level.info, i, `line ${i}`);
  assert.deepEqual(visibleLines(ring, paused, 3), [150]);
});

test('scrolling up moves the selection, then the view; down to the newest line goes live', () => {
  const ring = ringOf(20);
  let state = run(ring, [{ type: 'scroll', lines: -1 }]);
  assert.equal(state.selected, 18);
  assert.deepEqual(visibleLines(ring, state, 5), [15, 16, 17, 18, 19]);
  state = run(ring, [{ type: 'scroll', lines: -6 }], 5, state);
  assert.equal(state.selected, 12);
  assert.deepEqual(visibleLines(ring, state, 5), [12, 13, 14, 15, 16]);
  ring.push(0, Level.info, 20, 'line 20');
  assert.equal(newSinceFrozen(ring, state), 1);
  state = run(ring, [{ type: 'page', direction: 1 }, { type: 'page', direction: 1 }, { type: 'page', direction: 1 }], 5, state);
  assert.equal(state.anchor, null);
  assert.deepEqual(visibleLines(ring, state, 2), [19, 20]);
});

test('g goes to the oldest line, G back to live', () => {
  const ring = ringOf(20);
  const top = run(ring, [{ type: 'top' }]);
  assert.deepEqual(visibleLines(ring, top, 5), [0, 1, 2, 3, 4]);
  assert.equal(top.selected, 0);
  const live = run(ring, [{ type: 'live' }], 5, top);
  assert.deepEqual(visibleLines(ring, live, 2), [18, 19]);
});

test('e and E jump between error lines and say when there are no more', () => {
  const ring = ringOf(20); // errors at 3, 8, 13, 18
  let state = run(ring, [{ type: 'prev-error' }]);
  assert.equal(state.selected, 18);
  state = run(ring, [{ type: 'prev-error' }, { type: 'prev-error' }, { type: 'prev-error' }], 5, state);
  assert.equal(state.selected, 3);
  assert.ok(visibleLines(ring, state, 5).includes(3));
  state = run(ring, [{ type: 'prev-error' }], 5, state);
  assert.equal(state.message, 'no earlier error');
  state = run(ring, [{ type: 'next-error' }], 5, state);
  assert.equal(state.selected, 8);
  assert.ok(visibleLines(ring, state, 5).includes(8));
  assert.equal(markedLine(ring, state), 8);
});

test('wrap toggles', () => {
  assert.equal(run(ringOf(1), [{ type: 'toggle-wrap' }]).wrap, true);
});
