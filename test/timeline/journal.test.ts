import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { latestIncident, latestOpenIncident, listIncidents, openIncident, resumeIncident } from '../../src/timeline/incidents.js';
import { readJournal } from '../../src/timeline/journal-file.js';
import { describeEvent } from '../../src/timeline/describe.js';
import type { TimelineEvent } from '../../src/timeline/event.js';

const AT = Date.UTC(2026, 10, 22, 14, 2, 33);

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'warroom-timeline-'));
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function journalLines(path: string): TimelineEvent[] {
  return readFileSync(path, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as TimelineEvent);
}

test('openIncident names the folder after UTC time and title, and records incident.opened first', () => {
  const dir = tempDir();
  const journal = openIncident(dir, { title: 'Checkout API returning 5xx', severity: 'P1', operator: 'ana', now: AT, follow: false });
  assert.equal(journal.id, 'INC-20261122-1402-checkout-api');
  const lines = journalLines(journal.path);
  assert.equal(lines.length, 1);
  assert.deepEqual(
    { v: lines[0]?.v, kind: lines[0]?.kind, ts: lines[0]?.ts, operator: lines[0]?.operator, data: lines[0]?.data },
    { v: 1, kind: 'incident.opened', ts: AT, operator: 'ana', data: { title: 'Checkout API returning 5xx', severity: 'P1' } },
  );
  const second = openIncident(dir, { title: 'Checkout API returning 5xx', severity: 'P1', operator: 'bo', now: AT, follow: false });
  assert.equal(second.id, 'INC-20261122-1402-checkout-api-2');
  journal.close();
  second.close();
});

test('each event is one line on disk before record() returns, with unique ids', () => {
  const dir = tempDir();
  const journal = openIncident(dir, { title: 'db down', severity: 'P2', operator: 'ana', follow: false });
  const ids = new Set<string>();
  for (let i = 0; i < 200; i += 1) {
    const event = journal.record('note', { text: `note ${i}` });
    assert.ok(event);
    ids.add(event.id);
    assert.equal(journalLines(journal.path).at(-1)?.id, event.id);
  }
  assert.equal(ids.size, 200);
  journal.close();
});

test('an event recorded after close (a delivery still retrying at quit) is written on its own, redacted, never thrown', () => {
  const dir = tempDir();
  const journal = openIncident(dir, { title: 'db down', severity: 'P2', operator: 'ana', follow: false });
  journal.record('operator.left', { mode: 'live', end: 'quit' });
  journal.close();
  const late = journal.record('escalation.sent', { contact: 'oncall', attempt: 2, text: 'token=abc123secret' });
  assert.ok(late, 'recorded, not refused');
  const last = journalLines(journal.path).at(-1);
  assert.equal(last?.id, late.id);
  assert.equal(last?.kind, 'escalation.sent');
  assert.ok(!JSON.stringify(last).includes('abc123secret'), 'redacted like any other event');
  const reopened = resumeIncident(dir, journal.id, { operator: 'ana', follow: false });
  assert.equal(reopened.events().filter((e) => e.id === late.id).length, 1);
  reopened.close();
});

test('resume continues the same journal; list and latest report open and resolved incidents', () => {
  const dir = tempDir();
  const first = openIncident(dir, { title: 'old one', severity: 'P3', operator: 'ana', now: AT - 86_400_000, follow: false });
  first.record('incident.resolved', {}, { at: AT - 80_000_000 });
  first.close();
  const second = openIncident(dir, { title: 'new one', severity: 'P1', operator: 'ana', now: AT, follow: false });
  second.record('incident.severity', { from: 'P1', to: 'P0' });
  second.close();

  const resumed = resumeIncident(dir, second.id, { operator: 'bo', follow: false });
  assert.equal(resumed.events().length, 2);
  resumed.record('note', { text: 'back again' });
  resumed.close();
  assert.deepEqual(
    journalLines(join(dir, second.id, 'journal.jsonl')).map((e) => e.kind),
    ['incident.opened', 'incident.severity', 'note'],
  );

  const listed = listIncidents(dir);
  assert.deepEqual(listed.map((i) => [i.id, i.open, i.severity]), [
    [first.id, false, 'P3'],
    [second.id, true, 'P0'],
  ]);
  assert.equal(latestIncident(dir)?.id, second.id);
  assert.equal(latestOpenIncident(dir)?.id, second.id);

  const again = resumeIncident(dir, first.id, { operator: 'bo', follow: false });
  again.record('incident.reopened', {});
  again.close();
  assert.equal(listIncidents(dir).find((i) => i.id === first.id)?.open, true);
  assert.throws(() => resumeIncident(dir, 'INC-nope', { operator: 'x' }), /no incident INC-nope/);
});

test('a torn last line is quarantined with its offset, reported, and the journal truncated', () => {
  const dir = tempDir();
  const journal = openIncident(dir, { title: 'torn', severity: 'P2', operator: 'ana', follow: false });
  journal.record('note', { text: 'kept' });
  journal.close();
  const goodSize = readFileSync(journal.path).length;
  appendFileSync(journal.path, '{"v":1,"id":"x","ts":1,"opera');

  const resumed = resumeIncident(dir, journal.id, { operator: 'ana', follow: false });
  assert.equal(resumed.events().length, 2);
  assert.match(resumed.warnings.join('\n'), new RegExp(`torn last line \\(\\d+ bytes at byte ${goodSize}\\) moved`));
  assert.equal(readFileSync(journal.path).length, goodSize);
  const corrupt = readFileSync(`${journal.path}.corrupt`, 'utf8');
  assert.match(corrupt, new RegExp(`at byte offset ${goodSize} of journal.jsonl`));
  assert.ok(corrupt.includes('{"v":1,"id":"x","ts":1,"opera'));
  resumed.record('note', { text: 'after repair' });
  resumed.close();
  assert.deepEqual(journalLines(journal.path).map((e) => e.data.text), [undefined, 'kept', 'after repair']);
});

test('a complete but invalid last line is also quarantined; reading without repair changes nothing', () => {
  const dir = tempDir();
  const journal = openIncident(dir, { title: 'garbage', severity: 'P2', operator: 'ana', follow: false });
  journal.close();
  appendFileSync(journal.path, 'not json at all\n');
  const before = readFileSync(journal.path, 'utf8');
  const peek = readJournal(journal.path, false);
  assert.equal(peek.events.length, 1);
  assert.match(peek.warnings.join(), /ignored/);
  assert.equal(readFileSync(journal.path, 'utf8'), before);
  assert.equal(existsSync(`${journal.path}.corrupt`), false);

  const resumed = resumeIncident(dir, journal.id, { operator: 'ana', follow: false });
  assert.match(resumed.warnings.join(), /moved to journal.jsonl.corrupt/);
  assert.ok(readFileSync(`${journal.path}.corrupt`, 'utf8').includes('not json at all'));
  resumed.close();
});

test('a torn line followed by another writer\'s line: the whole event at its end is salvaged', () => {
  const dir = tempDir();
  const journal = openIncident(dir, { title: 'glued', severity: 'P2', operator: 'ana', follow: false });
  journal.close();
  const whole = JSON.stringify({ v: 1, id: 'other-1', ts: AT, operator: 'bo', kind: 'note', data: { text: 'salvaged' } });
  appendFileSync(journal.path, `{"v":1,"id":"torn","ts":12${whole}\n`);
  const loaded = readJournal(journal.path, true);
  assert.deepEqual(loaded.events.map((e) => e.id).slice(1), ['other-1']);
});

test('unknown kinds and newer schema versions are kept and shown raw', () => {
  const dir = tempDir();
  const journal = openIncident(dir, { title: 'future', severity: 'P2', operator: 'ana', follow: false });
  journal.close();
  appendFileSync(
    journal.path,
    JSON.stringify({ v: 1, id: 'a', ts: AT, operator: 'x', kind: 'chaos.injected', data: { what: 'latency' } }) +
      '\n' +
      JSON.stringify({ v: 3, id: 'b', ts: AT, operator: 'x', kind: 'note', data: { body: { rich: true } }, extra: 1 }) +
      '\n',
  );
  const resumed = resumeIncident(dir, journal.id, { operator: 'ana', follow: false });
  const [, unknown, newer] = resumed.events();
  assert.ok(unknown && newer);
  assert.equal(describeEvent(unknown), '[chaos.injected] {"what":"latency"}');
  assert.equal(describeEvent(newer), '[note v3] {"body":{"rich":true}}');
  assert.equal((newer as unknown as { extra: number }).extra, 1);
  resumed.close();
});

test('two journals on one incident see each other within a second', async () => {
  const dir = tempDir();
  const a = openIncident(dir, { title: 'shared', severity: 'P2', operator: 'ana' });
  const b = resumeIncident(dir, a.id, { operator: 'bo' });
  const seenByA: string[] = [];
  a.onEvents((added) => seenByA.push(...added.map((e) => e.id)));
  const fromB = b.record('note', { text: 'from bo' });
  assert.ok(fromB);
  await until(() => seenByA.includes(fromB.id), "bo's note in ana's journal");
  const fromA = a.record('note', { text: 'from ana' });
  assert.ok(fromA);
  await until(() => b.events().some((e) => e.id === fromA.id), "ana's note in bo's journal");
  await new Promise((resolve) => setTimeout(resolve, 400));
  assert.equal(a.events().filter((e) => e.id === fromA.id).length, 1, 'own event not duplicated by following');
  a.close();
  b.close();
});

test('oversized events are cut to one bounded line with a marker', () => {
  const dir = tempDir();
  const journal = openIncident(dir, { title: 'big', severity: 'P2', operator: 'ana', follow: false });
  journal.record('action.finished', { output: 'x'.repeat(500_000), command: 'ok' });
  journal.close();
  const raw = readFileSync(journal.path, 'utf8').split('\n')[1] ?? '';
  assert.ok(Buffer.byteLength(raw) < 64 * 1024);
  const event = JSON.parse(raw) as TimelineEvent;
  assert.match(String(event.data.output), /…\[truncated\]$/);
  assert.equal(event.data.command, 'ok');
});

test('reading an empty or missing-newline-free file works', () => {
  const dir = tempDir();
  const path = join(dir, 'journal.jsonl');
  writeFileSync(path, '');
  assert.deepEqual(readJournal(path, true), { events: [], size: 0, warnings: [] });
});

test('eventsToCarry: what a replaced file lacks after the last event it still has; removed ones before it stay removed', async () => {
  const { eventsToCarry } = await import('../../src/timeline/journal-carry.js');
  const known = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ v: 1, id, ts: 0, operator: 'x', kind: 'note', data: {} }));
  const cases: [string[], string[], number][] = [
    [['a', 'b', 'c', 'd', 'e'], [], 0], // nothing changed
    [['a', 'b', 'c'], ['d', 'e'], 0], // an editor's copy taken after c
    [['a', 'c'], ['d', 'e'], 1], // ... that also cut b out by hand
    [[], ['a', 'b', 'c', 'd', 'e'], 0], // deleted, or replaced by something unrelated
    [['a', 'e'], [], 3], // e is the newest: b, c, d were removed on purpose
  ];
  for (const [present, carried, removed] of cases) {
    const result = eventsToCarry(known, new Set(present));
    assert.deepEqual([result.carry.map((e) => e.id), result.removed], [carried, removed], `present ${present.join(',')}`);
  }
});

test('claims without a follower: the first claim line in the file wins, later ones lose and name the winner', async () => {
  const dir = tempDir();
  const ana = openIncident(dir, { title: 'claims', severity: 'P2', operator: 'ana', follow: false });
  const bo = resumeIncident(dir, ana.id, { operator: 'bo', follow: false });
  const won = await ana.claim('page:0:oncall');
  assert.equal(won?.won, true);
  assert.deepEqual(await ana.claim('page:0:oncall'), won, 'asking again: still ours');
  const lost = await bo.claim('page:0:oncall');
  assert.equal(lost?.won, false);
  assert.equal(lost?.by, 'ana');
  assert.equal((await bo.claim('page:1:oncall'))?.won, true, 'another key is another claim');
  ana.close();
  bo.close();
});
