import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startActionsConsole } from '../actions/console-setup.js';
import { KEYS } from '../helpers/render-console.js';

const lastLine = (f: string) => f.trimEnd().split('\n').at(-1) ?? '';

test('read-only: every action, escalation, status-update and resolve path refuses, and nothing runs, is sent or recorded', async () => {
  const c = await startActionsConsole({ mode: 'read-only' });
  try {
    // Keys: a, R (status board), P, u (anywhere).
    for (const key of ['a', 'R', 'P', 'u']) {
      c.store.getState().showFlash('', 'info');
      await c.press(key, (f) => f.includes('read-only console'));
      assert.equal(c.store.getState().dialog, null, key);
      assert.equal(c.store.getState().controlOverlay, null, key);
    }
    // `:` commands.
    for (const line of ['restart checkout-api', 'restart gateway app-1', 'action checkout-api rollback', 'page tech-lead', 'resolve', 'severity P1', 'status-update']) {
      c.store.getState().showFlash('', 'info');
      await c.press(':', (f) => lastLine(f).startsWith(':'));
      await c.press(line, (f) => lastLine(f).includes(line));
      await c.press(KEYS.enter, (f) => f.includes('read-only console'));
      assert.equal(c.store.getState().dialog, null, line);
    }
    // Engine entry points called directly (a timer, another view) refuse the same way.
    const state = c.store.getState();
    assert.equal((await state.actionsController!.request('checkout-api', 'restart')).status, 'refused');
    assert.equal(await state.escalationController!.pageNext(), null);
    assert.equal(await state.statusController!.send('investigating', 'text'), false);
    assert.equal(await state.statusController!.resolve(), false);
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(c.executor.ran, []);
    assert.deepEqual(c.sink.received, []);
    assert.deepEqual(c.recorder.events, []);
    assert.equal(c.store.getState().incident.severity, 'P2');
    assert.equal(c.store.getState().incident.resolvedAt, null);
    assert.ok(c.ui.frame().split('\n')[0]!.includes('READ-ONLY'));
    assert.ok(c.ui.frame().split('\n')[0]!.includes('☎ tech-lead in'), 'the countdown still shows');
  } finally {
    await c.close();
  }
});

test('dry-run: an action is confirmed, shown and recorded as dry-run; nothing executes or is sent', async () => {
  const c = await startActionsConsole({ mode: 'dry-run' });
  try {
    await c.press('R', (f) => f.includes('restart checkout-api?') && f.includes('DRY-RUN'));
    await c.press('y', (f) => f.includes('◌ dry-run restart checkout-api') && f.includes('[dry-run] would run on local'));
    await c.press(KEYS.escape, (f) => !f.includes('◌ dry-run'));
    await c.press('P', (f) => f.includes('Page tech-lead now?') && f.includes('DRY-RUN'));
    // A drill pages nobody, and the flash says so rather than "paged".
    await c.press('y', (f) => f.includes('dry run: tech-lead not paged'));
    assert.ok(!c.ui.frame().includes('✔ paged'), c.ui.frame());
    // A status update in a drill is recorded, and the flash does not claim it was sent.
    await c.press('u', (f) => f.includes('Status update · phase'));
    await c.press('\x13', (f) => f.includes('Send the investigating status update?') && f.includes('DRY-RUN'));
    await c.press('y', (f) => f.includes('dry run: status update (investigating) recorded, not sent'));
    assert.ok(!c.ui.frame().includes('sent to'), c.ui.frame());
    assert.deepEqual(c.executor.ran, []);
    assert.deepEqual(c.sink.received, []);
    assert.deepEqual(c.recorder.events.map((e) => [e.kind, e.data.dryRun]), [
      ['action.started', true],
      ['action.finished', true],
      ['escalation.sent', true],
      ['escalation.sent', true],
      ['escalation.sent', true],
      ['status.update', true],
    ]);
  } finally {
    await c.close();
  }
});
