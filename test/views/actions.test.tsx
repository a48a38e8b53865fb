import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startActionsConsole } from '../actions/console-setup.js';
import { KEYS } from '../helpers/render-console.js';
import { waitFor } from '../helpers/wait-for.js';

async function colon(c: Awaited<ReturnType<typeof startActionsConsole>>, line: string, expect?: (f: string) => boolean) {
  const lastLine = (f: string) => f.trimEnd().split('\n').at(-1) ?? '';
  await c.press(':', (f) => lastLine(f).startsWith(':'));
  await c.press(line, (f) => lastLine(f).includes(line));
  await c.press(KEYS.enter, expect);
}

test('R on the selected row: y/N confirmation with command and where, then live output and the result', async () => {
  const c = await startActionsConsole();
  try {
    await c.press('R', (f) => f.includes('restart checkout-api?'));
    const dialog = c.ui.frame();
    assert.ok(dialog.includes('Command:   echo stopping; echo starting; echo ready'), dialog);
    assert.ok(dialog.includes('Runs on:   local'), dialog);
    assert.ok(dialog.includes('Proceed? y / N'), dialog);
    await c.press('y', (f) => f.includes('✔ succeeded restart checkout-api') && f.includes('ready'));
    assert.match(c.ui.frame(), /restart checkout-api: exit 0 in/);
    assert.deepEqual(c.recorder.events.map((e) => e.kind), ['action.started', 'action.finished']);
    await c.press(KEYS.escape, (f) => f.includes('Status') && !f.includes('✔ succeeded'));
    await c.press('O', (f) => f.includes('✔ succeeded restart checkout-api'));
  } finally {
    await c.close();
  }
});

test('N declines: nothing runs and nothing is recorded', async () => {
  const c = await startActionsConsole();
  try {
    await c.press('R', (f) => f.includes('restart checkout-api?'));
    await c.press('n', (f) => !f.includes('restart checkout-api?'));
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(c.executor.ran.length, 0);
    assert.equal(c.recorder.events.length, 0);
  } finally {
    await c.close();
  }
});

test('confirm: typed asks for the service name; a wrong name does not run it', async () => {
  const c = await startActionsConsole();
  try {
    await colon(c, 'action checkout-api rollback', (f) => f.includes('Type checkout-api to confirm'));
    await c.press('checkout', (f) => f.includes('to confirm: checkout'));
    await c.press(KEYS.enter, (f) => f.includes('does not match'));
    assert.equal(c.executor.ran.length, 0);
    await c.press('-api', (f) => f.includes('to confirm: checkout-api'));
    await c.press(KEYS.enter, (f) => f.includes('rolled back') && f.includes('✔ succeeded'));
    assert.equal(c.executor.ran.length, 1);
  } finally {
    await c.close();
  }
});

test('a destructive command forces a typed confirmation even with confirm: yes', async () => {
  const c = await startActionsConsole();
  try {
    await colon(c, 'action checkout-api cleanup', (f) => f.includes('Type checkout-api to confirm'));
    assert.ok(c.ui.frame().includes('⚠ destructive: rm -r ('), c.ui.frame());
    await c.press('y');
    await c.press(KEYS.escape, (f) => !f.includes('Type checkout-api'));
    assert.equal(c.executor.ran.length, 0);
  } finally {
    await c.close();
  }
});

test('Ctrl-C in the output view cancels the running action; q asks first while it runs', async () => {
  const c = await startActionsConsole();
  try {
    await colon(c, 'action checkout-api hang', (f) => f.includes('hang checkout-api?'));
    await c.press('y', (f) => f.includes('⟳ running hang checkout-api') && f.includes('hanging'));
    assert.match(c.ui.frame().split('\n')[0]!, /⟳ hang checkout-api/);
    await c.press(KEYS.escape, (f) => !f.includes('⟳ running hang'));
    await c.press('q', (f) => f.includes('Quit while work is running?'));
    await c.press('n', (f) => !f.includes('Quit while work is running?'));
    await c.press('O', (f) => f.includes('⟳ running hang checkout-api'));
    await c.press(KEYS.ctrlC, (f) => f.includes('■ cancelled hang checkout-api'));
    assert.equal(c.recorder.ofKind('action.finished')[0]!.data.cancelled, true);
    assert.equal(c.ui.quits(), 0);
  } finally {
    await c.close();
  }
});

test(':cancel cancels too; a repeated key never starts a second run', async () => {
  const c = await startActionsConsole();
  try {
    await colon(c, 'action checkout-api hang', (f) => f.includes('hang checkout-api?'));
    await c.press('y', (f) => f.includes('⟳ running hang'));
    await c.press(KEYS.escape, (f) => !f.includes('⟳ running hang'));
    await colon(c, 'action checkout-api hang', (f) => f.includes('hang checkout-api is already running'));
    await colon(c, 'cancel');
    await waitFor(() => c.recorder.ofKind('action.finished').length === 1, { what: 'cancelled run recorded', timeoutMs: 30_000 });
    assert.equal(c.executor.ran.length, 1);
  } finally {
    await c.close();
  }
});

test('a opens the action menu of the selected row; on an instance row it offers that instance or all', async () => {
  const c = await startActionsConsole();
  try {
    await c.select('gateway/app-2#0');
    await c.press('a', (f) => f.includes('Actions for gateway (app-2)'));
    assert.ok(c.ui.frame().includes('1 restart on app-2'));
    assert.ok(c.ui.frame().includes('2 restart on all 2 (rolling)'));
    await c.press('2', (f) => f.includes('restart gateway?') && f.includes('Instances: app-1, app-2 (rolling'));
    await c.press('y', (f) => f.includes('app-2 waiting for UP'));
    // The status board probes app-2 again and finds it UP: the roll completes.
    c.probe('gateway/app-2#0', 'UP');
    await waitFor(() => c.ui.frame().includes('gateway: 2/2 restarted'), { what: 'roll finished', timeoutMs: 30_000 });
    assert.deepEqual(c.executor.ran.map((x) => x.command), ['echo gw app-1', 'echo gw app-2']);
  } finally {
    await c.close();
  }
});

test(':restart SVC INST restarts one instance; unknown services and actions are plain messages', async () => {
  const c = await startActionsConsole();
  try {
    await colon(c, 'restart nope', (f) => f.includes('no service nope (with actions: checkout-api, gateway)'));
    await colon(c, 'action gateway frobnicate', (f) => f.includes('gateway has no action frobnicate (has: restart)'));
    await colon(c, 'restart gateway app-1', (f) => f.includes('restart gateway on app-1?'));
    await c.press('y', (f) => f.includes('restart gateway app-1: exit 0'));
    assert.deepEqual(c.executor.ran.map((x) => x.command), ['echo gw app-1']);
  } finally {
    await c.close();
  }
});
