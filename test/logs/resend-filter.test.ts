// The lines a follow command sends again after a reconnect are dropped; nothing new ever is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ResendFilter } from '../../src/logs/resend-filter.js';

function feed(filter: ResendFilter, lines: string[]): string[] {
  return lines.flatMap((line) => filter.offer(line));
}

test('a re-sent tail is dropped, the lines after it pass', () => {
  const filter = new ResendFilter(100);
  assert.deepEqual(feed(filter, ['a', 'b', 'ERROR c', 'd']), ['a', 'b', 'ERROR c', 'd']);
  filter.reconnected();
  // tail -n 3 re-sends b, c, d, then what was written while the host was away.
  assert.deepEqual(feed(filter, ['b', 'ERROR c', 'd', 'e', 'f']), ['e', 'f']);
  assert.equal(filter.dropped, 3);
});

test('a repeat that goes quiet at the end of the tail is dropped when it settles', () => {
  const filter = new ResendFilter(100);
  feed(filter, ['x', 'a', 'x', 'a']);
  filter.reconnected();
  // x, a matches positions 0 and 2: the longer alignment is still open after two lines.
  assert.deepEqual(feed(filter, ['x', 'a']), []);
  assert.deepEqual(feed(filter, ['x', 'a']), []);
  assert.equal(filter.holding, false, 'the whole tail repeated: done');
  assert.deepEqual(feed(filter, ['x']), ['x']);

  const quiet = new ResendFilter(100);
  feed(quiet, ['x', 'a', 'x', 'a']);
  quiet.reconnected();
  assert.deepEqual(feed(quiet, ['x', 'a']), []);
  assert.deepEqual(quiet.settle(), [], 'x, a repeated the end of the tail');
  assert.equal(quiet.dropped, 2);
});

test('lines that only start like the tail are all passed on, in order', () => {
  const filter = new ResendFilter(100);
  feed(filter, ['a', 'b', 'c']);
  filter.reconnected();
  assert.deepEqual(feed(filter, ['b', 'new']), ['b', 'new'], 'b then something else: b was a new line too');
  filter.reconnected();
  assert.deepEqual(feed(filter, ['b']), []);
  assert.deepEqual(filter.settle(), ['b'], 'b alone does not reach the end of the tail (new)');
  filter.reconnected();
  assert.deepEqual(feed(filter, ['zzz']), ['zzz']);
  assert.equal(filter.dropped, 0);
});

test('memory is bounded: only the last `keep` lines are compared', () => {
  const filter = new ResendFilter(3);
  feed(filter, ['1', '2', '3', '4', '5']);
  filter.reconnected();
  assert.deepEqual(feed(filter, ['2', '3']), ['2', '3'], '2 is no longer remembered');
  // Remembered now: 5, 2, 3. A re-sent 4, 5 breaks at 4 (forgotten): both pass.
  filter.reconnected();
  assert.deepEqual(feed(filter, ['4', '5']), ['4', '5']);
});
