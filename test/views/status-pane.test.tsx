import assert from 'node:assert/strict';
import { test } from 'node:test';
import React from 'react';
import { render } from 'ink-testing-library';
import type { CheckState, RowInfo, RowUpdate } from '../../src/probes/types.js';
import { createWarroomStore, type WarroomStore } from '../../src/store/store.js';
import { KeyDispatcher } from '../../views/keys/dispatcher.js';
import { PANE_REGISTRY } from '../../views/panes/registry.js';
import { StatusPane } from '../../views/panes/StatusPane.js';
import { StoreProvider } from '../../views/store-context.js';
import { KEYS, renderConsole } from '../helpers/render-console.js';
import { waitFor } from '../helpers/wait-for.js';

const info = (id: string, order: number, extra: Partial<RowInfo> = {}): RowInfo => ({
  id,
  checkId: id,
  service: id,
  check: 'health',
  kind: 'http',
  target: `127.0.0.1:${8000 + order}/health`,
  order,
  ...extra,
});

function result(row: RowInfo, state: CheckState, reason: string, sinceAgoMs = 1000, extra: Partial<RowUpdate> = {}): RowUpdate {
  const now = Date.now();
  return { row, at: now, raw: state, state, reason, latencyMs: state === 'UP' ? 12 : null, since: now - sinceAgoMs, ...extra };
}

function seed(store: WarroomStore): void {
  const rows = [info('api', 0), info('web', 1), info('db', 2, { kind: 'tcp', target: '127.0.0.1:5432' }), info('cache', 3)];
  store.getState().registerCheckRows(rows);
  store.getState().applyCheckBatch([
    result(rows[0]!, 'UP', 'HTTP 200'),
    result(rows[1]!, 'DEGRADED', 'json: status=degraded, expected healthy', 60_000, { body: '{"status":"degraded"} ␛[2J' }),
    result(rows[2]!, 'DOWN', 'connection refused', 252_000, {
      transition: { at: Date.now() - 252_000, rowId: 'db', from: 'UP', to: 'DOWN', reason: 'connection refused', latencyMs: null },
    }),
  ]);
}

function renderPane(store: WarroomStore, width = 100, height = 12) {
  const tree = (
    <StoreProvider store={store}>
      <KeyDispatcher store={store} panes={PANE_REGISTRY}>
        <StatusPane isFocused width={width} height={height} />
      </KeyDispatcher>
    </StoreProvider>
  );
  const ui = render(tree);
  Object.defineProperty(ui.stdout, 'columns', { value: width + 20 });
  ui.rerender(tree);
  const frame = () => ui.lastFrame() ?? '';
  const press = async (keys: string, expect: (f: string) => boolean) => {
    ui.stdin.write(keys);
    await waitFor(() => expect(frame()), { what: `frame after ${JSON.stringify(keys)}` });
  };
  return { ...ui, frame, press };
}

const order = (frame: string): string[] =>
  frame
    .split('\n')
    .map((l) => /^[ ›] (\w+)/.exec(l)?.[1])
    .filter((x): x is string => x !== undefined && x !== 'SERVICE');

test('rows are worst first with symbol, word, time in state, and a summary line', async () => {
  const store = createWarroomStore();
  seed(store);
  const ui = renderPane(store);
  await waitFor(() => ui.frame().includes('DOWN'));
  const frame = ui.frame();
  assert.match(frame, /1 UP · 1 DEGRADED · 1 DOWN · 1 UNKNOWN/);
  assert.deepEqual(order(frame), ['db', 'web', 'cache', 'api']);
  assert.match(frame, /✖ DOWN 4m1\ds/);
  assert.match(frame, /▲ DEGRADED 1m0\ds/);
  assert.match(frame, /✔ UP \ds/);
  assert.match(frame, /\? UNKNOWN/);
  assert.match(frame, /12ms/);
  assert.ok(frame.split('\n').every((line) => line.length <= 100), frame);
  ui.unmount();
});

test('o toggles config order; j/k and arrows move the selection', async () => {
  const store = createWarroomStore();
  seed(store);
  const ui = renderPane(store);
  await waitFor(() => ui.frame().includes('› db'));
  await ui.press('o', (f) => order(f)[0] === 'api' && f.includes('config order'));
  assert.deepEqual(order(ui.frame()), ['api', 'web', 'db', 'cache']);
  await ui.press('j', (f) => f.includes('› web'));
  await ui.press(KEYS.down, (f) => f.includes('› db'));
  await ui.press('k', (f) => f.includes('› web'));
  await ui.press(KEYS.up, (f) => f.includes('› api'));
  await ui.press('k', (f) => f.includes('› api'));
  ui.unmount();
});

test('Enter shows details with reason, body excerpt and transitions; Esc goes back', async () => {
  const store = createWarroomStore();
  seed(store);
  const ui = renderPane(store, 100, 16);
  await waitFor(() => ui.frame().includes('› db'));
  await ui.press(KEYS.enter, (f) => f.includes('transitions'));
  let frame = ui.frame();
  assert.match(frame, /reason {3}connection refused/);
  assert.match(frame, /UP → DOWN {2}connection refused/);
  await ui.press(KEYS.escape, (f) => f.includes('SERVICE'));
  await ui.press('j', (f) => f.includes('› web'));
  await ui.press(KEYS.enter, (f) => f.includes('last body'));
  frame = ui.frame();
  assert.match(frame, /\{"status":"degraded"\} ␛\[2J/);
  assert.ok(!frame.includes('\u001b[2J'));
  await ui.press(KEYS.enter, (f) => f.includes('SERVICE'));
  ui.unmount();
});

test('only the rows that fit are rendered, and the window follows the cursor', async () => {
  const store = createWarroomStore();
  const rows = Array.from({ length: 300 }, (_, i) => info(`svc${String(i).padStart(3, '0')}`, i));
  store.getState().registerCheckRows(rows);
  store.getState().applyCheckBatch(rows.map((r) => result(r, 'UP', 'HTTP 200')));
  const ui = renderPane(store, 80, 10);
  await waitFor(() => ui.frame().includes('300 UP'));
  assert.ok(ui.frame().split('\n').length <= 10, ui.frame());
  assert.match(ui.frame(), /1-8\/300/);
  assert.ok(!ui.frame().includes('svc010'));
  for (let i = 0; i < 10; i++) ui.stdin.write('j');
  await waitFor(() => ui.frame().includes('› svc010'));
  assert.match(ui.frame(), /4-11\/300/);
  assert.ok(!ui.frame().includes('svc000'));
  ui.unmount();
});

test('the status pane sits in the console and answers keys when focused', async () => {
  const store = createWarroomStore();
  seed(store);
  const ui = renderConsole({ store, columns: 120, rows: 40 });
  await waitFor(() => ui.frame().includes('1 UP · 1 DEGRADED · 1 DOWN'));
  await ui.press('j', (f) => f.includes('› web'));
  ui.unmount();
});
