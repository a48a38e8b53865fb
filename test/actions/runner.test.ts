import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InstanceHealth } from '../../src/actions/instance-health.js';
import { ActionRunner } from '../../src/actions/runner.js';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import type { ConsoleMode } from '../../src/mode/console-mode.js';
import { createWarroomStore } from '../../src/store/store.js';
import { createRedactor } from '../../src/text/redact.js';
import { waitFor } from '../helpers/wait-for.js';
import { RecordingExecutor } from '../helpers/recording-executor.js';
import { action, HOSTS } from './fixtures.js';

const alwaysUp: InstanceHealth = { waitUntilUp: async () => true };

function setup(mode: ConsoleMode = 'live', health: InstanceHealth = alwaysUp) {
  const store = createWarroomStore();
  store.getState().setIncident({ mode });
  const recorder = new MemoryRecorder();
  const executor = new RecordingExecutor();
  const runner = new ActionRunner({ executor, recorder, store, hosts: HOSTS, redactor: createRedactor({ secrets: ['hunter2-secret'] }), health });
  return { store, recorder, executor, runner };
}

const yes = async () => true;

test('a local command runs; start and finish are recorded with command, target, exit code, duration and output tail', async () => {
  const { runner, recorder, store } = setup();
  const a = action({ targets: [{ run: 'for i in $(seq 1 30); do echo line $i; done; echo token=hunter2-secret; exit 3' }] });
  const outcome = await runner.request(a, { confirm: yes });
  assert.equal(outcome.status, 'ran');
  assert.ok(outcome.status === 'ran' && !outcome.ok);
  assert.ok(outcome.status === 'ran' && outcome.summary.startsWith('restart checkout-api: exit 3 in'), outcome.status === 'ran' ? outcome.summary : '');
  const started = recorder.ofKind('action.started')[0]!.data;
  assert.equal(started.service, 'checkout-api');
  assert.equal(started.action, 'restart');
  assert.equal(started.target, 'local');
  const finished = recorder.ofKind('action.finished')[0]!.data;
  assert.equal(finished.exitCode, 3);
  assert.equal(typeof finished.durationMs, 'number');
  const tail = finished.outputTail as string[];
  assert.equal(tail.length, 20);
  assert.equal(tail.at(-1), 'token=***');
  assert.equal(tail[0], 'line 12');
  assert.ok(!JSON.stringify(recorder.events).includes('hunter2-secret'));
  const run = store.getState().actionRuns[0]!;
  assert.equal(run.state, 'failed');
  assert.ok(run.lines.includes('line 1') && run.lines.at(-1) === 'token=***');
  assert.deepEqual(store.getState().running, {});
});

test('a command that outlives its timeout is killed and recorded as timed out', async () => {
  const { runner, recorder } = setup();
  const a = action({ timeoutMs: 300, targets: [{ run: 'sleep 30' }] });
  const outcome = await runner.request(a, { confirm: yes });
  assert.ok(outcome.status === 'ran' && !outcome.ok && outcome.summary.includes('timed out'));
  assert.equal(recorder.ofKind('action.finished')[0]!.data.timedOut, true);
});

test('cancel kills the running command; it is recorded as cancelled and the slot frees', async () => {
  const { runner, recorder, store } = setup();
  const a = action({ targets: [{ run: 'echo started; sleep 30' }] });
  const pending = runner.request(a, { confirm: yes });
  await waitFor(() => store.getState().actionRuns[0]?.lines.includes('started'), { what: 'output' });
  assert.ok(Object.keys(store.getState().running).length === 1, 'q must ask while it runs');
  assert.equal(runner.cancel(), true);
  const outcome = await pending;
  assert.ok(outcome.status === 'ran' && outcome.summary.includes('cancelled'));
  assert.equal(recorder.ofKind('action.finished')[0]!.data.cancelled, true);
  assert.equal(store.getState().actionRuns[0]!.state, 'cancelled');
  assert.equal(runner.isBusy(a), false);
  assert.equal(runner.cancel(), false);
});

test('a key repeat never runs an action twice: the second request is refused while the first confirms or runs', async () => {
  const { runner, executor } = setup();
  const a = action({ targets: [{ run: 'sleep 0.3' }] });
  let release: ((v: boolean) => void) | undefined;
  const first = runner.request(a, { confirm: () => new Promise((r) => (release = r)) });
  const whileConfirming = await runner.request(a, { confirm: yes });
  assert.equal(whileConfirming.status, 'busy');
  // The dialog opens once the command has been read (the shell parser loads on first use).
  await waitFor(() => release !== undefined, { what: 'the confirmation asked' });
  release!(true);
  await waitFor(() => executor.ran.length === 1, { what: 'first run started' });
  const repeats = await Promise.all([1, 2, 3].map(() => runner.request(a, { confirm: yes })));
  assert.deepEqual(repeats.map((r) => r.status), ['busy', 'busy', 'busy']);
  assert.equal((await first).status, 'ran');
  assert.equal(executor.ran.length, 1);
});

test('declining the confirmation runs nothing and records nothing', async () => {
  const { runner, executor, recorder } = setup();
  const outcome = await runner.request(action({ targets: [{ run: 'true' }] }), { confirm: async () => false });
  assert.equal(outcome.status, 'declined');
  assert.equal(executor.ran.length, 0);
  assert.equal(recorder.events.length, 0);
});

test('confirm: none runs without asking; yes asks', async () => {
  const { runner } = setup();
  let asked = 0;
  const confirm = async () => (asked++, true);
  await runner.request(action({ confirm: 'none', targets: [{ run: 'true' }] }), { confirm });
  assert.equal(asked, 0);
  await runner.request(action({ name: 'other', targets: [{ run: 'true' }] }), { confirm });
  assert.equal(asked, 1);
});

test('dry-run executes nothing and records dryRun: true for every target', async () => {
  const { runner, executor, recorder, store } = setup('dry-run');
  const a = action({ rolling: true, targets: [{ instance: 'app-1', host: 'app-1', run: 'touch /tmp/never' }, { instance: 'app-2', host: 'app-2', run: 'touch /tmp/never' }] });
  const outcome = await runner.request(a, { confirm: yes });
  assert.ok(outcome.status === 'ran' && outcome.ok);
  assert.equal(executor.ran.length, 0);
  assert.equal(recorder.ofKind('action.started').length, 2);
  for (const e of recorder.events) assert.equal(e.data.dryRun, true);
  assert.equal(store.getState().actionRuns[0]!.state, 'dry-run');
});

test('read-only refuses before confirming, runs nothing, records nothing', async () => {
  const { runner, executor, recorder, store } = setup('read-only');
  let asked = 0;
  const outcome = await runner.request(action({ confirm: 'none', targets: [{ run: 'true' }] }), { confirm: async () => (asked++, true) });
  assert.equal(outcome.status, 'refused');
  assert.equal(asked, 0);
  assert.equal(executor.ran.length, 0);
  assert.equal(recorder.events.length, 0);
  assert.match(store.getState().flash?.text ?? '', /read-only/);
});

test('non-rolling actions run every instance; an unknown instance is refused', async () => {
  const { runner, executor } = setup();
  const a = action({ service: 'gateway', targets: [{ instance: 'a', run: 'true' }, { instance: 'b', run: 'true' }] });
  const all = await runner.request(a, { confirm: yes });
  assert.ok(all.status === 'ran' && all.ok && all.summary === 'gateway: 2/2 restarted');
  const one = await runner.request(a, { instance: 'b', confirm: yes });
  assert.ok(one.status === 'ran' && one.results.length === 1);
  assert.equal((await runner.request(a, { instance: 'zz', confirm: yes })).status, 'no-target');
  assert.equal(executor.ran.length, 3);
});
