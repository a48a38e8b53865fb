import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storeInstanceHealth, type InstanceHealth } from '../../src/actions/instance-health.js';
import { ActionRunner } from '../../src/actions/runner.js';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import { createWarroomStore } from '../../src/store/store.js';
import { redact } from '../../src/text/redact.js';
import { RecordingExecutor } from '../helpers/recording-executor.js';
import { action, HOSTS } from './fixtures.js';

const yes = async () => true;
const three = (failOn?: string) =>
  action({
    service: 'app',
    rolling: true,
    timeoutMs: 5000,
    targets: ['app-1', 'app-2', 'app-3'].map((instance) => ({ instance, run: instance === failOn ? `echo broke ${instance}; exit 1` : `echo ok ${instance}` })),
  });

function setup(health: InstanceHealth) {
  const store = createWarroomStore();
  const recorder = new MemoryRecorder();
  const executor = new RecordingExecutor();
  return { store, recorder, executor, runner: new ActionRunner({ executor, recorder, store, hosts: HOSTS, redactor: redact, health }) };
}

test('rolling: one instance at a time, each waited for, then a summary', async () => {
  const order: string[] = [];
  const health: InstanceHealth = { waitUntilUp: async (_s, instance) => (order.push(`up? ${instance}`), true) };
  const { runner, executor } = setup(health);
  const outcome = await runner.request(three(), { confirm: yes });
  assert.ok(outcome.status === 'ran' && outcome.ok);
  assert.equal(outcome.status === 'ran' && outcome.summary, 'app: 3/3 restarted');
  assert.deepEqual(executor.ran.map((c) => c.command), ['echo ok app-1', 'echo ok app-2', 'echo ok app-3']);
  assert.deepEqual(order, ['up? app-1', 'up? app-2', 'up? app-3']);
});

test('rolling stops at the first failure and says which instance failed and why', async () => {
  const { runner, executor, recorder } = setup({ waitUntilUp: async () => true });
  const outcome = await runner.request(three('app-2'), { confirm: yes });
  assert.ok(outcome.status === 'ran' && !outcome.ok);
  assert.equal(outcome.status === 'ran' && outcome.summary, 'app: 1/3 restarted, app-2 failed: exit 1 (1 not run)');
  assert.equal(executor.ran.length, 2);
  assert.deepEqual(recorder.ofKind('action.finished').map((e) => [e.data.instance, e.data.exitCode]), [['app-1', 0], ['app-2', 1]]);
});

test('rolling stops when an instance does not come back UP within the timeout', async () => {
  const { runner, executor } = setup({ waitUntilUp: async (_s, instance) => instance !== 'app-2' });
  const outcome = await runner.request(three(), { confirm: yes });
  assert.equal(outcome.status === 'ran' && outcome.summary, 'app: 1/3 restarted, app-2 failed: not UP after 5s (1 not run)');
  assert.equal(executor.ran.length, 2);
});

test('the store-backed health waits for a fresh UP result of that instance\'s checks', async () => {
  const store = createWarroomStore();
  const rows: Record<string, unknown> = {
    r1: { service: 'app', instance: 'app-1', state: 'UP', lastAt: Date.now() - 60_000 },
    r2: { service: 'app', instance: 'app-2', state: 'UP', lastAt: Date.now() },
  };
  (store as unknown as { setState: (p: unknown) => void }).setState({ checks: { rows, ids: Object.keys(rows) } });
  const health = storeInstanceHealth(store);
  const controller = new AbortController();
  const waiting = health.waitUntilUp('app', 'app-1', 10_000, controller.signal);
  let settled = false;
  void waiting.then(() => (settled = true));
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(settled, false, 'a stale UP must not count');
  (store as unknown as { setState: (p: unknown) => void }).setState({ checks: { rows: { ...rows, r1: { service: 'app', instance: 'app-1', state: 'UP', lastAt: Date.now() + 1 } }, ids: ['r1', 'r2'] } });
  assert.equal(await waiting, true);
  (store as unknown as { setState: (p: unknown) => void }).setState({ checks: { rows, ids: ['r1', 'r2'] } });
  assert.equal(await health.waitUntilUp('app', 'app-1', 100, new AbortController().signal), false, 'times out without a fresh result');
  assert.equal(await health.waitUntilUp('nochecks', undefined, 100, new AbortController().signal), true);
});
