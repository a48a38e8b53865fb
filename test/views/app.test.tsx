import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KEYS, renderConsole } from '../helpers/render-console.js';
import { waitFor } from '../helpers/wait-for.js';

test('the console shows a header, four numbered panes and key hints', async () => {
  const ui = renderConsole();
  ui.store.getState().setIncident({ id: 'INC-1', title: 'Checkout down', severity: 'P1', operator: 'ana@bastion' });
  await waitFor(() => ui.frame().includes('Checkout down'));
  const frame = ui.frame();
  for (const text of ['INC-1', 'P1', 'ana@bastion', 'LIVE', '1 Status', '2 Logs', '3 Metrics', '4 Runbook', '? help']) {
    assert.ok(frame.includes(text), `missing ${text} in\n${frame}`);
  }
  ui.unmount();
});

test('focus moves with Tab, Shift-Tab and the digits, and is marked without colour', async () => {
  const ui = renderConsole();
  await waitFor(() => ui.frame().includes('▶1 Status'));
  await ui.press(KEYS.tab, (f) => f.includes('▶2 Logs'));
  assert.equal(ui.store.getState().focus, 'logs');
  await ui.press(KEYS.shiftTab, (f) => f.includes('▶1 Status'));
  await ui.press('4', (f) => f.includes('▶4 Runbook'));
  await ui.press(KEYS.tab, (f) => f.includes('▶1 Status'));
  await ui.press('3', (f) => f.includes('▶3 Metrics'));
  ui.unmount();
});

test('z zooms the focused pane alone and back', async () => {
  const ui = renderConsole();
  await ui.press('2', (f) => f.includes('▶2 Logs'));
  await ui.press('z', (f) => f.includes('▶2 Logs') && !f.includes('1 Status'));
  await ui.press('z', (f) => f.includes('1 Status') && f.includes('▶2 Logs'));
  ui.unmount();
});

test('? opens help and Esc closes it', async () => {
  const ui = renderConsole({ columns: 200, rows: 60 });
  await ui.press('?', (f) => f.includes('Help: keys and : commands'));
  await ui.press(KEYS.escape, (f) => f.includes('1 Status') && !f.includes('Help: keys'));
  ui.unmount();
});

test('q quits at once when nothing runs, and asks first when something does', async () => {
  const ui = renderConsole();
  await ui.press('q');
  await waitFor(() => ui.quits() === 1, { what: 'quit' });
  ui.store.getState().setRunning('a1', { description: 'restart checkout-api', cancel: () => {} });
  await ui.press('q', (f) => f.includes('Quit while work is running?') && f.includes('restart checkout-api'));
  await ui.press('n', (f) => !f.includes('Quit while work is running?'));
  assert.equal(ui.quits(), 1);
  await ui.press('q', (f) => f.includes('Quit while work is running?'));
  await ui.press('y');
  await waitFor(() => ui.quits() === 2, { what: 'second quit' });
  ui.unmount();
});

test(':q on the command line quits; an unknown command says so', async () => {
  const ui = renderConsole();
  await ui.press(':', (f) => f.includes(':'));
  await ui.press('frobnicate');
  await ui.press(KEYS.enter, (f) => f.includes('unknown command :frobnicate'));
  await ui.press(':');
  await ui.press('q');
  await ui.press(KEYS.enter);
  await waitFor(() => ui.quits() === 1, { what: ':q quit' });
  ui.unmount();
});

test('a key whose capability is missing says so instead of doing nothing', async () => {
  const ui = renderConsole();
  await ui.press('P', (f) => f.includes('not available in this build yet'));
  ui.unmount();
});

test('read-only refuses dangerous keys before any handler runs', async () => {
  const ui = renderConsole();
  ui.store.getState().setIncident({ mode: 'read-only' });
  await ui.press('P', (f) => f.includes('read-only console'));
  ui.unmount();
});

for (const [columns, rows] of [[80, 24], [120, 40], [200, 50]] as const) {
  test(`at ${columns}x${rows} the frame is at most rows-1 tall and no line is wider than the terminal`, async () => {
    const ui = renderConsole({ columns, rows });
    await waitFor(() => ui.frame().includes('4 Runbook'));
    const lines = ui.frame().split('\n');
    assert.ok(lines.length <= rows - 1, `${lines.length} lines`);
    for (const line of lines) assert.ok(line.length <= columns, `line too wide: ${line.length}`);
    ui.unmount();
  });
}

test('several keys arriving in one read each count (fast typing over SSH, tmux send-keys)', async () => {
  const ui = renderConsole();
  await waitFor(() => ui.frame().includes('▶1 Status'));
  await ui.press('2z', (f) => f.includes('▶2 Logs') && !f.includes('1 Status'));
  assert.equal(ui.store.getState().zoomed, true);
  ui.unmount();
});

test('a text field keeps every character of a fast burst', async () => {
  const ui = renderConsole();
  await ui.press(':', (f) => f.includes(':'));
  ui.stdin.write('f');
  ui.stdin.write('r');
  ui.stdin.write('o');
  ui.stdin.write('b');
  await ui.press(KEYS.enter, (f) => f.includes('unknown command :frob'));
  ui.unmount();
});

test('text and Enter arriving in one read type the text and then submit it', async () => {
  const ui = renderConsole();
  try {
    await ui.press(':', (f) => f.includes(':'));
    ui.stdin.write('frob\r');
    await waitFor(() => ui.frame().includes('unknown command :frob'), { what: 'the command run' });
  } finally {
    ui.unmount();
  }
});

test('keys typed right after the key that opens a prompt, in the same read, go to the prompt, not to the console', async () => {
  const ui = renderConsole();
  try {
    await waitFor(() => ui.frame().includes('▶1 Status'));
    // `:` opens the command line, which listens only once drawn; "q" must not reach the quit key.
    ui.stdin.write(':frob q\r');
    await waitFor(() => ui.frame().includes('unknown command :frob'), { what: 'the command run' });
    assert.equal(ui.store.getState().dialog, null, 'q was typed into the prompt, no quit question');
  } finally {
    ui.unmount();
  }
});

test('a header with no room for the title leaves no empty field', async () => {
  const ui = renderConsole({ columns: 60 });
  try {
    ui.store.getState().setIncident({ id: 'INC-20261123-0300-checkout', title: 'Checkout API returns 502 for every EU customer', operator: 'ana@bastion' });
    await waitFor(() => ui.frame().includes('INC-20261123-0300-checkout'));
    const header = ui.frame().split('\n')[0]!;
    assert.doesNotMatch(header, /│\s*│/, header);
    assert.match(header, /│ P\d │/);
  } finally {
    ui.unmount();
  }
});

test('while the engine starts, empty panes say so instead of "not configured"', async () => {
  const ui = renderConsole();
  ui.store.getState().setStarting(true);
  await waitFor(() => ui.frame().includes('Starting…'), { what: 'the starting frame' });
  const starting = ui.frame();
  assert.equal(starting.match(/Starting…/g)?.length, 4, 'each of the four panes');
  assert.doesNotMatch(starting, /configured/);
  ui.store.getState().setStarting(false);
  await waitFor(() => ui.frame().includes('No checks configured'), { what: 'the panes once started' });
  assert.doesNotMatch(ui.frame(), /Starting…/);
  ui.unmount();
});
