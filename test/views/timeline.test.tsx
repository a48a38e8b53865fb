import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEYS, renderConsole } from '../helpers/render-console.js';
import { waitFor } from '../helpers/wait-for.js';
import { openIncident } from '../../src/timeline/incidents.js';
import { TimelineFeed } from '../../src/timeline/capability.js';
import { createWarroomStore } from '../../src/store/store.js';
import type { TimelineEvent } from '../../src/timeline/event.js';

function withJournal() {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-tlview-'));
  const journal = openIncident(dir, { title: 'Checkout down', severity: 'P1', operator: 'ana@bastion' });
  const store = createWarroomStore();
  const feed = new TimelineFeed(journal, store);
  feed.start();
  return { dir, journal, store, feed, close: () => (feed.stop(), journal.close()) };
}

test('T shows the timeline in place of the logs, newest at the bottom', async (t) => {
  const { journal, store, close } = withJournal();
  t.after(close);
  journal.record('check.state', { check: 'http /health', service: 'checkout-api', from: 'UP', to: 'DOWN', reason: 'HTTP 503' });
  journal.record('note', { text: 'restarting now' });
  const ui = renderConsole({ store, columns: 160, rows: 40 });
  t.after(() => ui.unmount());
  await ui.press('T', (f) => f.includes('Timeline') && f.includes('restarting now'));
  const lines = ui.frame().split('\n');
  const down = lines.findIndex((l) => l.includes('checkout-api http /health: UP → DOWN'));
  const note = lines.findIndex((l) => l.includes('restarting now'));
  assert.ok(down > 0 && note > down, 'older event above newer');
  assert.match(lines[note] ?? '', /\d\d:\d\d:\d\d .✎ ana restarting now/);
});

test('n opens the note editor; the note is journaled and shown; todo: notes too', async (t) => {
  const { journal, store, close } = withJournal();
  t.after(close);
  const ui = renderConsole({ store, columns: 160, rows: 40 });
  t.after(() => ui.unmount());
  await ui.press('T', (f) => f.includes('Incident opened'));
  await ui.press('n', (f) => f.includes('note>'));
  await ui.press('todo: add a pool alert', (f) => f.includes('note> todo: add a pool alert'));
  await ui.press(KEYS.enter, (f) => f.includes('✎ ana todo: add a pool alert'));
  const saved = journal.events().find((e) => e.kind === 'note');
  assert.deepEqual(saved?.data, { text: 'todo: add a pool alert', todo: true });
});

test('a pasted block of timed lines becomes backfilled notes sorted by their time', async (t) => {
  const { journal, store, close } = withJournal();
  t.after(close);
  const ui = renderConsole({ store, columns: 160, rows: 40 });
  t.after(() => ui.unmount());
  await ui.press('T', (f) => f.includes('Incident opened'));
  await ui.press('n', (f) => f.includes('note>'));
  await ui.press(KEYS.paste('00:01 first thing\r00:02 second thing'), (f) => f.includes('(+1 lines)'));
  await ui.press(KEYS.enter, (f) => f.includes('✎ ana second thing'));
  const notes = journal.events().filter((e) => e.kind === 'note');
  assert.deepEqual(notes.map((e) => [e.data.text, e.backfilled]), [
    ['first thing', true],
    ['second thing', true],
  ]);
  const lines = ui.frame().split('\n');
  const first = lines.findIndex((l) => l.includes('first thing'));
  const opened = lines.findIndex((l) => l.includes('Incident opened'));
  assert.ok(first >= 0 && first < opened, 'backfilled notes sort before the opening');
  assert.match(lines[first] ?? '', /↶/);
});

test(':note TIME TEXT backfills; :export writes the post-mortem draft', async (t) => {
  const { journal, store, close } = withJournal();
  t.after(close);
  const ui = renderConsole({ store, columns: 160, rows: 40 });
  t.after(() => ui.unmount());
  await ui.press('T', (f) => f.includes('Incident opened'));
  const commandLineOpen = (f: string): boolean => (f.split('\n').at(-1) ?? '').startsWith(':');
  await ui.press(':', commandLineOpen);
  await ui.press('note 00:00 deploy 4812 went out', (f) => f.includes('went out'));
  await ui.press(KEYS.enter, (f) => f.includes('✎ ana deploy 4812 went out'));
  assert.equal(journal.events().find((e) => e.kind === 'note')?.backfilled, true);
  await ui.press(':', commandLineOpen);
  await ui.press('export', (f) => f.includes(':export'));
  await ui.press(KEYS.enter, (f) => f.includes('post-mortem draft written to'));
});

test('f filters by kind, t switches to UTC, and dates show when the window spans midnight', async (t) => {
  const store = createWarroomStore();
  const at = (d: number, h: number): number => Date.UTC(2026, 10, d, h, 30);
  const ev = (id: string, ts: number, kind: string, data: Record<string, unknown>): TimelineEvent => ({ v: 1, id, ts, operator: 'bo@x', kind, data });
  store.getState().addTimelineEvents([
    ev('a', at(22, 23), 'check.state', { service: 'db', check: 'tcp', from: 'UP', to: 'DOWN' }),
    ev('b', at(23, 0), 'note', { text: 'after midnight' }),
  ]);
  const ui = renderConsole({ store, columns: 160, rows: 40 });
  t.after(() => ui.unmount());
  await ui.press('T', (f) => f.includes('after midnight'));
  await ui.press('2', (f) => f.includes('▶2 Timeline'));
  await ui.press('t', (f) => f.includes('· UTC ·'));
  assert.ok(ui.frame().includes('11-22 23:30:00Z'), ui.frame());
  assert.ok(ui.frame().includes('11-23 00:30:00Z'));
  await ui.press('f', (f) => f.includes('note · UTC') && !f.includes('db tcp'));
  assert.ok(ui.frame().includes('after midnight'));
});

test('only the rows that fit are rendered, and secrets and escapes never reach the screen', async (t) => {
  const store = createWarroomStore();
  const events: TimelineEvent[] = [];
  for (let i = 0; i < 500; i += 1) events.push({ v: 1, id: `e${i}`, ts: 1_800_000_000_000 + i * 1000, operator: 'ana', kind: 'note', data: { text: `note number ${i}` } });
  events.push({ v: 1, id: 'secret', ts: 1_800_000_999_000, operator: 'ana', kind: 'note', data: { text: 'db postgresql://app:hunter22@db \u001b[2Jcleared' } });
  store.getState().addTimelineEvents(events);
  const ui = renderConsole({ store, columns: 120, rows: 30 });
  t.after(() => ui.unmount());
  await ui.press('T', (f) => f.includes('postgresql://app:***@db'));
  await ui.press('2', (f) => f.includes('▶2 Timeline'));
  await ui.press('z', (f) => !f.includes('1 Status'));
  const frame = ui.frame();
  assert.ok(!frame.includes('hunter22'));
  assert.ok(!frame.includes('\u001b[2J'));
  assert.ok(frame.includes('note number 499'), frame);
  assert.ok(!frame.includes('note number 400'));
  assert.ok(frame.split('\n').length <= 30);
});

test('events another process appends show up in the pane', async (t) => {
  const { dir, journal, store, close } = withJournal();
  t.after(close);
  const { resumeIncident } = await import('../../src/timeline/incidents.js');
  const other = resumeIncident(dir, journal.id, { operator: 'bo@other', follow: false });
  t.after(() => other.close());
  const ui = renderConsole({ store, columns: 160, rows: 40 });
  t.after(() => ui.unmount());
  await ui.press('T', (f) => f.includes('Incident opened'));
  other.record('escalation.sent', { contact: 'tech-lead', channel: 'slack', attempt: 1 });
  await waitFor(() => ui.frame().includes('☎ bo Paged tech-lead via slack'), { what: "the other operator's event" });
});
