// The commit pacer: requests made between beats run together, at most one beat per period, and
// the first request after a quiet spell runs at once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CommitPacer } from '../../src/time/commit-pacer.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('requests made before a beat run together, in one task, once each', async () => {
  const pacer = new CommitPacer(100);
  const ran: string[] = [];
  // A microtask queued by `a` runs after b only when both ran in the same task (one React batch).
  const a = () => {
    ran.push('a');
    queueMicrotask(() => ran.push('after a, its task done'));
  };
  const b = () => ran.push('b');
  pacer.request(a);
  pacer.request(b);
  pacer.request(a);
  await sleep(30);
  assert.deepEqual(ran, ['a', 'b', 'after a, its task done'], 'a asked twice runs once, b in the same task');
});

test('after a quiet spell a request runs at once; within the period it waits for the next beat', async () => {
  const pacer = new CommitPacer(200);
  const times: number[] = [];
  const t0 = performance.now();
  const commit = () => times.push(performance.now() - t0);
  pacer.request(commit);
  await sleep(20);
  assert.equal(times.length, 1);
  assert.ok(times[0]! < 20, `leading edge ran after ${times[0]} ms`);
  pacer.request(commit);
  await sleep(50);
  assert.equal(times.length, 1, 'the second request waits for the period');
  await sleep(250);
  assert.equal(times.length, 2);
  assert.ok(times[1]! - times[0]! >= 195, `beats ${times[1]! - times[0]!} ms apart`);
});

test('cancel forgets a request; flush runs what is pending now', async () => {
  const pacer = new CommitPacer(1000);
  const ran: string[] = [];
  const a = () => ran.push('a');
  const b = () => ran.push('b');
  pacer.request(a);
  pacer.cancel(a);
  pacer.request(b);
  pacer.flush();
  assert.deepEqual(ran, ['b']);
  await sleep(20);
  assert.deepEqual(ran, ['b'], 'nothing runs twice');
});

test('a commit that throws does not keep the others from running', () => {
  const pacer = new CommitPacer(1000);
  const ran: string[] = [];
  pacer.request(() => {
    throw new Error('broken slice');
  });
  pacer.request(() => ran.push('after'));
  assert.throws(() => pacer.flush(), /broken slice/);
  assert.deepEqual(ran, ['after']);
});
