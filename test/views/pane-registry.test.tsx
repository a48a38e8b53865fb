// The pane registry drives the console: a pane added by one registry line is laid out, focused by
// its key and by Tab, listed in help; and each pane keeps its own cursor across the times it is
// not drawn (another pane zoomed, a confirmation over the panes, the timeline in its slot).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import React from 'react';
import { Box, Text } from 'ink';
import type { RowInfo } from '../../src/probes/types.js';
import { askConfirm } from '../../src/mode/ask.js';
import { createWarroomStore } from '../../src/store/store.js';
import { helpSections } from '../../views/help/help-content.js';
import { focusedPane, paneForKey, shownPanes, type PaneRegistry } from '../../views/panes/pane-entry.js';
import type { PaneProps } from '../../views/panes/pane-props.js';
import { PANE_REGISTRY } from '../../views/panes/registry.js';
import { metricsCursorReducer, selectedPanel } from '../../views/metrics/use-metrics-cursor.js';
import { KEYS, renderConsole } from '../helpers/render-console.js';
import { waitFor } from '../helpers/wait-for.js';

/** A pane only this test has: says whether it has the keyboard and the room it was given. */
function ProbePane({ isFocused, width, height }: PaneProps) {
  return (
    <Box flexDirection="column">
      <Text>{`probe pane ${isFocused ? 'focused' : 'idle'} ${width}x${height}`}</Text>
    </Box>
  );
}

const WITH_PROBE: PaneRegistry = [...PANE_REGISTRY, { id: 'probe', title: 'Probe', scope: 'probe', View: ProbePane, focusKey: '5', slot: 'probe' }];

for (const [columns, rows] of [[120, 40], [80, 24]] as const) {
  test(`a fifth pane from one registry line is drawn, focused by its key and Tab, at ${columns}x${rows}`, async () => {
    const ui = renderConsole({ columns, rows, panes: WITH_PROBE });
    try {
      await waitFor(() => ui.frame().includes('▶1 Status'), { what: 'the console drawn' });
      // Stacked at 80x24 five panes do not all fit: the unfocused ones too short to show anything give way.
      if (columns >= 120) await waitFor(() => ui.frame().includes('5 Probe') && ui.frame().includes('probe pane idle'), { what: 'the fifth pane drawn' });
      await ui.press('5', (f) => f.includes('▶5 Probe') && f.includes('probe pane focused'));
      if (columns >= 120) for (const title of ['1 Status', '2 Logs', '3 Metrics', '4 Runbook']) assert.ok(ui.frame().includes(title), `${title} still there`);
      assert.equal(ui.store.getState().focus, 'probe');
      await ui.press(KEYS.tab, (f) => f.includes('▶1 Status') && (columns < 120 || f.includes('probe pane idle')));
      await ui.press(KEYS.shiftTab, (f) => f.includes('▶5 Probe'));
      await ui.press('z', (f) => f.includes('▶5 Probe') && !f.includes('1 Status'));
      const lines = ui.frame().split('\n');
      assert.ok(lines.length <= rows - 1, `${lines.length} lines`);
      for (const line of lines) assert.ok(line.length <= columns, `line too wide: ${line}`);
    } finally {
      ui.unmount();
    }
  });
}

test('the fifth pane is in help: its focus key with the others', async () => {
  const entries = helpSections(WITH_PROBE).flatMap((section) => section.entries);
  assert.ok(entries.some((e) => e.keys === '5' && e.text === 'focus Probe'));
  assert.ok(entries.some((e) => e.keys === '1' && e.text === 'focus Status'));
  const ui = renderConsole({ columns: 200, rows: 60, panes: WITH_PROBE });
  try {
    await ui.press('?', (f) => f.includes('Help: keys and : commands'));
    await waitFor(() => /5\s+focus Probe/.test(ui.frame()), { what: 'the probe pane in the help overlay' });
  } finally {
    ui.unmount();
  }
});

test('panes sharing a slot: a focus key brings forward what the slot shows; T swaps, focus follows', () => {
  const logsShown = {};
  const timelineShown = { logs: 'timeline' };
  assert.deepEqual(shownPanes(PANE_REGISTRY, logsShown).map((p) => p.id), ['status', 'logs', 'metrics', 'runbook']);
  assert.deepEqual(shownPanes(PANE_REGISTRY, timelineShown).map((p) => p.id), ['status', 'timeline', 'metrics', 'runbook']);
  assert.equal(paneForKey(PANE_REGISTRY, '2', timelineShown)?.id, 'timeline');
  assert.equal(focusedPane(PANE_REGISTRY, 'logs', timelineShown)?.id, 'timeline', 'a hidden pane hands focus to its slot');
  assert.equal(focusedPane(PANE_REGISTRY, 'nothing-by-that-name', {})?.id, 'status');
});

test('T swaps the timeline into the logs slot and back; the focus stays on the slot', async () => {
  const ui = renderConsole({ columns: 120, rows: 40 });
  try {
    await ui.press('2', (f) => f.includes('▶2 Logs'));
    await ui.press('T', (f) => f.includes('▶2 Timeline') && !f.includes('2 Logs'));
    await ui.press('1', (f) => f.includes('▶1 Status'));
    await ui.press('2', (f) => f.includes('▶2 Timeline'));
    await ui.press('T', (f) => f.includes('▶2 Logs'));
  } finally {
    ui.unmount();
  }
});

function boardStore() {
  const store = createWarroomStore();
  const rows: RowInfo[] = ['api', 'web', 'db'].map((id, order) => ({ id, checkId: id, service: id, check: 'health', kind: 'http', target: `127.0.0.1:${8000 + order}`, order }));
  store.getState().registerCheckRows(rows);
  const at = Date.now();
  store.getState().applyCheckBatch(rows.map((row) => ({ row, at, raw: 'UP', state: 'UP', reason: 'HTTP 200', latencyMs: 2, since: at })));
  return store;
}

test('the status cursor is where it was after a confirmation covered the panes, and after another pane was zoomed', async () => {
  // Found: the selection went back to the first row after every dialog, so R after a
  // confirmation (or a page) restarted a different service than the one looked at.
  const ui = renderConsole({ columns: 120, rows: 40, store: boardStore() });
  try {
    await waitFor(() => ui.frame().includes('› api'), { what: 'the board' });
    await ui.press('o', (f) => f.includes('config order'));
    await ui.press('jj', (f) => f.includes('› db'));
    const answer = askConfirm(ui.store, { title: 'Something to confirm?', lines: ['a question over the panes'] });
    await waitFor(() => ui.frame().includes('Something to confirm?') && !ui.frame().includes('SERVICE'), { what: 'the dialog over the panes' });
    ui.store.getState().closeDialog('no');
    await answer;
    await waitFor(() => ui.frame().includes('SERVICE'), { what: 'the board back' });
    assert.ok(ui.frame().includes('› db'), `selection kept:\n${ui.frame()}`);
    assert.ok(ui.frame().includes('config order'), 'sort kept');
    await ui.press('3z', (f) => f.includes('▶3 Metrics') && !f.includes('1 Status'));
    await ui.press('z1', (f) => f.includes('▶1 Status'));
    assert.ok(ui.frame().includes('› db'), 'selection kept after another pane was zoomed');
  } finally {
    ui.unmount();
  }
});

test('metrics cursor: the selection moves within the panels and is read clamped when panels go', () => {
  let cursor = { selected: 0, chartOpen: false };
  cursor = metricsCursorReducer(cursor, { type: 'select', step: 1, count: 1 });
  assert.equal(cursor.selected, 0, 'one panel: nowhere to go');
  cursor = metricsCursorReducer(cursor, { type: 'select', step: 5, count: 3 });
  assert.equal(cursor.selected, 2);
  assert.equal(selectedPanel(cursor, 1), 0, 'two panels gone: the last one left is selected');
  assert.equal(metricsCursorReducer(cursor, { type: 'open-chart' }).chartOpen, true);
});
