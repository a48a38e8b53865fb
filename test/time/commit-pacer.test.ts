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

test('after a quiet spell a request runs at once; within the period it waits for the next beat', (t) => {
  // Fake timers and a fake clock: the beats are judged by the pacer's own arithmetic, not by how
  // busy the machine running the test is.
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let clock = 1_000;
  const tick = (ms: number) => {
    clock += ms;
    t.mock.timers.tick(ms);
  };
  const pacer = new CommitPacer(200, () => clock);
  const times: number[] = [];
  const commit = () => times.push(clock);
  pacer.request(commit);
  tick(0);
  assert.deepEqual(times, [1_000], 'the leading edge runs straight after the current task');
  tick(20);
  pacer.request(commit);
  tick(50);
  assert.equal(times.length, 1, 'the second request waits for the period');
  tick(129);
  assert.equal(times.length, 1, 'still inside the period');
  tick(1);
  assert.deepEqual(times, [1_000, 1_200], 'the next beat is one period after the last');
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

test('background commits wait for the slow beat, ride along with a followed one, and upgrade when followed', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let clock = 10_000;
  const tick = (ms: number) => {
    clock += ms;
    t.mock.timers.tick(ms);
  };
  const pacer = new CommitPacer(150, () => clock, 1000);
  const ran: string[] = [];
  const clockTick = () => ran.push(`clock@${clock}`);
  const logs = () => ran.push(`logs@${clock}`);
  pacer.request(clockTick, 'background');
  tick(0);
  assert.deepEqual(ran, ['clock@10000'], 'after a quiet spell even a background commit runs at once');
  pacer.request(clockTick, 'background');
  tick(500);
  assert.equal(ran.length, 1, 'a background commit does not get the fast beat');
  tick(499);
  assert.equal(ran.length, 1);
  tick(1);
  assert.deepEqual(ran.slice(1), ['clock@11000'], 'it runs at the slow beat, one second after the last');
  pacer.request(clockTick, 'background');
  tick(200);
  pacer.request(logs);
  tick(0);
  assert.deepEqual(ran.slice(2), ['clock@11200', 'logs@11200'], 'a followed commit brings the waiting background one along');
  pacer.request(clockTick, 'background');
  pacer.request(clockTick, 'follow');
  tick(150);
  assert.deepEqual(ran.slice(4), ['clock@11350'], 'asked again as followed, it takes the fast beat');
});
