import assert from 'node:assert/strict';
import { test } from 'node:test';
import React from 'react';
import { render } from 'ink-testing-library';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import type { LogSourceStatus } from '../../src/logs/hub.js';
import { LogIngest } from '../../src/logs/ingest.js';
import { LineFlag } from '../../src/logs/ring-buffer.js';
import { createRedactor } from '../../src/text/redact.js';
import { createWarroomStore, type WarroomStore } from '../../src/store/store.js';
import { KeyDispatcher } from '../../views/keys/dispatcher.js';
import { PANE_REGISTRY } from '../../views/panes/registry.js';
import { LogsPane } from '../../views/panes/LogsPane.js';
import { StoreProvider } from '../../views/store-context.js';
import { KEYS, renderConsole } from '../helpers/render-console.js';
import { waitFor } from '../helpers/wait-for.js';

function status(id: number, tag: string, errors: number, warns: number): LogSourceStatus {
  return {
    id, tag, kind: 'file', state: 'following', linesTotal: 0, lastMinuteTotal: 0, errorsTotal: errors, warnsTotal: warns,
    errorsLastMinute: 0, warnsLastMinute: 0, errorEpisode: false, staleSince: null, repeatsDropped: 0,
  };
}

/** A store holding `n` lines from two sources: every 5th an ERROR, every 7th a WARN. */
function filledStore(n: number): { store: WarroomStore; ingest: LogIngest; flush: () => void } {
  const store = createWarroomStore();
  const ingest = new LogIngest(5000);
  ingest.addSource(0);
  ingest.addSource(1);
  for (let i = 0; i < n; i++) {
    const level = i % 5 === 0 ? 'ERROR' : i % 7 === 0 ? 'WARN' : 'INFO';
    ingest.acceptLine(i % 2, `${level} request ${i} handled`);
  }
  const flush = () =>
    store.getState().logsFlushed({ ring: ingest.ring, total: ingest.ring.total, sources: [status(0, 'api', 3, 1), status(1, 'worker', 0, 2)], sourceErrors: [] });
  flush();
  return { store, ingest, flush };
}

function renderPane(store: WarroomStore, width = 100, height = 12) {
  store.getState().focusPane('logs'); // the dispatcher routes pane keys by the store's focus
  const ui = render(
    <StoreProvider store={store}>
      <KeyDispatcher store={store} panes={PANE_REGISTRY}>
        <LogsPane isFocused width={width} height={height} />
      </KeyDispatcher>
    </StoreProvider>,
  );
  const frame = () => ui.lastFrame() ?? '';
  return {
    ...ui,
    frame,
    /** Types keys one at a time (a chunk of several is one input event), then waits for a frame. */
    async press(keys: string, expect: (f: string) => boolean) {
      const parts = keys.startsWith('\x1b') ? [keys] : keys.match(/\x7f|./gsu) ?? [];
      for (const part of parts) {
        ui.stdin.write(part);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await waitFor(() => expect(frame()), { what: `frame after ${JSON.stringify(keys)}` });
      // Let passive effects run: a modal registers its key handler in an effect after the frame.
      await new Promise((resolve) => setTimeout(resolve, 20));
    },
    /** Types into an open text field, waiting for each character to show (the field reads its state per render). */
    async type(prefix: string, text: string) {
      for (let i = 1; i <= text.length; i++) {
        ui.stdin.write(text[i - 1]);
        await waitFor(() => frame().includes(prefix + text.slice(0, i)), { what: `typed ${text.slice(0, i)}` });
      }
    },
  };
}

test('shows the newest lines at the bottom, tags, level letters and per-source counts', async () => {
  const { store } = filledStore(50);
  const ui = renderPane(store);
  await waitFor(() => ui.frame().includes('request 49'));
  const lines = ui.frame().split('\n');
  assert.match(lines[0], /api E3 W1 · worker E0 W2/);
  assert.match(lines.at(-2) ?? '', /worker W WARN request 49 handled/);
  assert.ok(lines.some((l) => /api\s+E ERROR request 40 handled/.test(l)), ui.frame());
  assert.match(lines.at(-1) ?? '', /LIVE/);
  assert.equal(lines.length, 12, 'exactly the height');
  ui.unmount();
});

test('p pauses and counts new lines; G goes back to live', async () => {
  const { store, ingest, flush } = filledStore(50);
  const ui = renderPane(store);
  await ui.press('p', (f) => f.includes('PAUSED'));
  for (let i = 0; i < 1234; i++) ingest.acceptLine(0, `INFO later ${i}`);
  flush();
  await waitFor(() => ui.frame().includes('+1,234 new'));
  assert.ok(!ui.frame().includes('later'), 'paused view does not move');
  await ui.press('G', (f) => f.includes('LIVE') && f.includes('later 1233'));
  ui.unmount();
});

test('/ filters by regex; an invalid regex is a message, not a crash', async () => {
  const { store } = filledStore(50);
  const ui = renderPane(store);
  await ui.press('/', (f) => f.includes('filter /'));
  await ui.type('filter /', 'ERROR');
  await ui.press('\r', (f) => f.includes('/ERROR/'));
  const shown = ui.frame().split('\n').slice(1, -1).filter((l) => l.includes('request'));
  assert.ok(shown.length > 0 && shown.every((l) => l.includes('ERROR')), ui.frame());
  await ui.press('/', (f) => f.includes('filter /ERROR'));
  for (let i = 5; i > 0; i--) await ui.press(KEYS.backspace, (f) => f.includes(`filter /${'ERROR'.slice(0, i - 1)}`) && !f.includes(`filter /${'ERROR'.slice(0, i)}`));
  await ui.type('filter /', '(oops');
  await ui.press('\r', (f) => f.includes('invalid regex'));
  assert.ok(ui.frame().includes('/ERROR/'), 'the previous filter stays');
  ui.unmount();
});

test('l cycles the minimum level, w toggles wrap, E jumps to errors, k scrolls', async () => {
  const { store } = filledStore(50);
  const ui = renderPane(store, 100, 8);
  await ui.press('l', (f) => f.includes('showing debug and worse'));
  await ui.press('lll', (f) => f.includes('≥error'));
  assert.ok(!ui.frame().includes('INFO request'), ui.frame());
  await ui.press('l', (f) => f.includes('showing every level'));
  await ui.press('E', (f) => /›.*request 45/.test(f));
  await ui.press('E', (f) => /›.*request 40/.test(f));
  await ui.press('k', (f) => /›.*request 39/.test(f) && f.includes('SCROLLED'));
  await ui.press('w', (f) => f.includes('wrap'));
  ui.unmount();
});

test('s hides a source, m marks the selected line as evidence', async () => {
  const { store } = filledStore(50);
  const recorder = new MemoryRecorder();
  store.getState().setLogsEvidence((seq) => {
    const ring = store.getState().logs.ring!;
    recorder.record('log.evidence', { text: ring.text(seq) });
    return true;
  });
  const ui = renderPane(store);
  await ui.press('s', (f) => f.includes('[x] api'));
  await ui.press(' ', (f) => f.includes('[ ] api'));
  await ui.press(KEYS.escape, (f) => f.includes('1 hidden'));
  assert.ok(!/api\s+[EIW] /.test(ui.frame()), ui.frame());
  await ui.press('m', (f) => f.includes('marked as evidence'));
  assert.deepEqual(recorder.events.map((e) => e.data.text), ['WARN request 49 handled']);
  ui.unmount();
});

test('escape sequences in log data reach the frame neutralised', async () => {
  const store = createWarroomStore();
  const ingest = new LogIngest(100);
  ingest.addSource(0);
  ingest.acceptLine(0, 'ERROR \x1b[2J\x1b[H cleared? \x1b]0;pwned\x07 \u009b31m');
  ingest.acceptLine(0, 'tail: file truncated', undefined, LineFlag.stderr);
  store.getState().logsFlushed({ ring: ingest.ring, total: 2, sources: [status(0, 'api', 1, 0)], sourceErrors: [] });
  const ui = renderPane(store);
  await waitFor(() => ui.frame().includes('cleared?'));
  assert.ok(ui.frame().includes('␛[2J␛[H cleared? ␛]0;pwned␇ \\x9b31m'), ui.frame());
  assert.ok(/api\s+! tail: file truncated/.test(ui.frame()), ui.frame());
  ui.unmount();
});

test('secrets are masked on screen by the console redactor', async () => {
  const store = createWarroomStore();
  const ingest = new LogIngest(100);
  ingest.addSource(0);
  ingest.acceptLine(0, 'WARN retry with key hunter2-token-xyz and Authorization: Bearer abc123def456');
  store.getState().logsFlushed({ ring: ingest.ring, total: 1, sources: [status(0, 'api', 0, 1)], sourceErrors: [] });
  store.getState().setLogsEvidence(() => true, createRedactor({ secrets: ['hunter2-token-xyz'] }));
  const ui = renderPane(store, 120, 6);
  await waitFor(() => ui.frame().includes('retry with key'));
  assert.ok(!ui.frame().includes('hunter2') && !ui.frame().includes('abc123'), ui.frame());
  ui.unmount();
});

test('the counts line shows the last minute\'s errors, marked while above the note threshold', async () => {
  const { store, ingest } = filledStore(5);
  const hot = { ...status(0, 'api', 40, 2), errorsLastMinute: 35, errorEpisode: true };
  const warm = { ...status(1, 'worker', 3, 0), errorsLastMinute: 2 };
  store.getState().logsFlushed({ ring: ingest.ring, total: ingest.ring.total, sources: [hot, warm], sourceErrors: [] });
  const ui = renderPane(store);
  await waitFor(() => ui.frame().includes('api E40 W2 !35/min · worker E3 W0 2/min'));
  ui.unmount();
});

test('a source that went away says stale since when, LIVE says how many are stale, its gap marker shows at every level', async () => {
  const { store, ingest } = filledStore(5);
  const lostAt = new Date(2026, 11, 3, 16, 2, 10).getTime();
  ingest.acceptMarker(0, '— api: no data 16:02:10–16:03:12, reconnected —');
  const gone = { ...status(0, 'api', 1, 0), state: 'disconnected' as const, staleSince: lostAt };
  store.getState().logsFlushed({ ring: ingest.ring, total: ingest.ring.total, sources: [gone, status(1, 'worker', 0, 0)], sourceErrors: [] });
  const ui = renderPane(store);
  await waitFor(() => ui.frame().includes('api E1 W0 (stale since 16:02:10)'), { what: 'the stale note' });
  assert.match(ui.frame(), /LIVE · 1 stale/);
  assert.match(ui.frame(), /api\s+─ — api: no data 16:02:10–16:03:12, reconnected —/);
  await ui.press('llll', (f) => f.includes('≥error'));
  assert.match(ui.frame(), /no data 16:02:10–16:03:12/, 'the marker stays under the level filter');
  ui.unmount();
});

test('long lines are cut to the pane width', async () => {
  const store = createWarroomStore();
  const ingest = new LogIngest(100);
  ingest.addSource(0);
  ingest.acceptLine(0, `INFO ${'x'.repeat(500)}`);
  store.getState().logsFlushed({ ring: ingest.ring, total: 1, sources: [status(0, 'api', 0, 0)], sourceErrors: [] });
  const ui = renderPane(store, 60, 6);
  await waitFor(() => ui.frame().includes('xxx'));
  assert.ok(ui.frame().split('\n').every((l) => l.length <= 60));
  ui.unmount();
});

test('in the console, the logs pane takes its keys when focused and shows not-configured otherwise', async () => {
  const ui = renderConsole();
  await waitFor(() => ui.frame().includes('No log sources configured'));
  const { store } = filledStore(30);
  const console2 = renderConsole({ store });
  await console2.press('2', (f) => f.includes('▶2 Logs') && f.includes('request 29'));
  await console2.press('p', (f) => f.includes('PAUSED'));
  ui.unmount();
  console2.unmount();
});
