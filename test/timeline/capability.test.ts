import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWarroomStore } from '../../src/store/store.js';
import { openIncident, resumeIncident } from '../../src/timeline/incidents.js';
import { timelineCapability, TimelineFeed } from '../../src/timeline/capability.js';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import type { EngineContext } from '../../src/engine/capability.js';
import { mergeWindow } from '../../src/store/timeline.js';
import type { TimelineEvent } from '../../src/timeline/event.js';

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('the capability is active only when the console records into a journal', () => {
  const context = { recorder: new MemoryRecorder(), store: createWarroomStore() } as unknown as EngineContext;
  assert.equal(timelineCapability(context), null);
});

test('the feed seeds the window, follows other processes and keeps the header severity in step', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-feed-'));
  const journal = openIncident(dir, { title: 'feed', severity: 'P2', operator: 'ana' });
  journal.record('note', { text: 'before start' });
  const store = createWarroomStore();
  const feed = new TimelineFeed(journal, store);
  feed.start();
  t.after(() => (feed.stop(), journal.close()));
  assert.deepEqual(store.getState().timeline.events.map((e) => e.kind), ['incident.opened', 'note']);
  assert.equal(store.getState().incident.severity, 'P2');

  const other = resumeIncident(dir, journal.id, { operator: 'bo', follow: false });
  t.after(() => other.close());
  other.record('incident.severity', { from: 'P2', to: 'P0' });
  await until(() => store.getState().incident.severity === 'P0', 'severity from the other process');
  other.record('incident.resolved', {});
  await until(() => store.getState().incident.resolvedAt !== null, 'resolution from the other process');
  assert.equal(store.getState().timeline.total, 4);

  const actions = store.getState().timelineActions;
  assert.ok(actions);
  assert.deepEqual(actions.addNotes('todo: one\n10:00 two'), { added: 2, held: 0 });
  const path = actions.exportMarkdown();
  assert.ok(readFileSync(path, 'utf8').includes('- [ ] one'));
});

test('a torn tail found on resume is reported on screen; stop() detaches', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-feed-'));
  const first = openIncident(dir, { title: 'torn', severity: 'P2', operator: 'ana', follow: false });
  first.close();
  appendFileSync(first.path, '{"v":1,"id":"cut');
  const journal = resumeIncident(dir, first.id, { operator: 'ana' });
  const store = createWarroomStore();
  const feed = new TimelineFeed(journal, store);
  feed.start();
  t.after(() => journal.close());
  assert.match(store.getState().flash?.text ?? '', /torn last line/);
  assert.ok(existsSync(`${first.path}.corrupt`));
  feed.stop();
  assert.equal(store.getState().timelineActions, null);
  journal.record('note', { text: 'after stop' });
  await new Promise((resolve) => setTimeout(resolve, 250));
  assert.ok(!store.getState().timeline.events.some((e) => e.data.text === 'after stop'));
});

test('the display window keeps time order and only the newest events', () => {
  const ev = (id: string, ts: number): TimelineEvent => ({ v: 1, id, ts, operator: 'a', kind: 'note', data: {} });
  assert.deepEqual(mergeWindow([ev('a', 1), ev('b', 5)], [ev('c', 6), ev('d', 7)]).map((e) => e.id), ['a', 'b', 'c', 'd']);
  assert.deepEqual(mergeWindow([ev('a', 1), ev('b', 5)], [ev('late', 3)]).map((e) => e.id), ['a', 'late', 'b']);
  assert.deepEqual(mergeWindow([ev('a', 1), ev('b', 5)], [ev('c', 6)], 2).map((e) => e.id), ['b', 'c']);
});
