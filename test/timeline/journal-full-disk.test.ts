// A full disk under running consoles: a note the disk refuses is not reported added, is held
// (with everything after it, in order) and retried; once space is back every note is on disk
// once, and the torn line a short write left never merges with the next event.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { openIncident, resumeIncident } from '../../src/timeline/incidents.js';
import { readJournal } from '../../src/timeline/journal-file.js';
import { mountSmallDisk } from '../helpers/small-disk.js';
import { waitFor } from '../helpers/wait-for.js';
import { JournalProcess } from './journal-process.js';

/** Why no small disk can be mounted here (then the tests say skipped, with the reason), or false. */
function smallDiskMissing(): string | false {
  const probe = mountSmallDisk(64);
  if (typeof probe === 'string') return probe;
  probe.unmount();
  return false;
}
const skip = smallDiskMissing();

function smallDisk(t: { after: (fn: () => void) => void }) {
  const disk = mountSmallDisk(256);
  if (typeof disk === 'string') throw new Error(disk);
  t.after(() => disk.unmount());
  return disk;
}

test('full disk: held, not added; a banner-worthy health; retried in order once space is back; no merged lines', { skip }, async (t) => {
  const disk = smallDisk(t);
  const incident = openIncident(disk.path, { title: 'disk full', severity: 'P2', operator: 'parent', follow: false });
  incident.close();
  const ana = JournalProcess.start(disk.path, incident.id, 'ana');
  const bo = JournalProcess.start(disk.path, incident.id, 'bo');
  t.after(async () => {
    await ana.quit();
    await bo.quit();
  });
  await ana.ask('note before the disk filled');
  await bo.ask('health');
  const filler = disk.fill();

  // The journal's last page may still have room for a few lines: write until one is refused.
  const acked: string[] = [];
  const held: string[] = [];
  for (let i = 0; i < 400 && held.length === 0; i += 1) {
    const text = `note ${i} ${'x'.repeat(200)}`;
    const reply = await ana.ask<{ id: string | null }>(`note ${text}`);
    (reply.id ? acked : held).push(text);
  }
  assert.equal(held.length, 1, 'a note was refused by the full disk');
  for (const text of ['held second', 'held third']) {
    const reply = await ana.ask<{ id: string | null }>(`note ${text}`);
    assert.equal(reply.id, null, 'later notes wait behind the held one: order is kept');
    held.push(text);
  }
  const health = await ana.ask<{ held: number; error: string | null }>('health');
  assert.equal(health.held, 3);
  assert.match(health.error ?? '', /ENOSPC|SHORT/);
  const shown = await ana.notes();
  for (const text of held) assert.ok(!shown.includes(text), `held note "${text.slice(0, 12)}" is not shown before it is on disk`);

  rmSync(filler);
  await waitFor(async () => (await ana.ask<{ held: number }>('health')).held === 0, { timeoutMs: 15_000, what: 'the held notes to be written' });

  const all = ['before the disk filled', ...acked, ...held];
  const lines = readFileSync(incident.path, 'utf8').split('\n').filter((line) => line !== '');
  const parsed: string[] = [];
  const unparsable: string[] = [];
  for (const line of lines) {
    try {
      const event = JSON.parse(line) as { kind: string; data: { text?: string } };
      if (event.kind === 'note') parsed.push(event.data.text ?? '');
    } catch {
      unparsable.push(line);
    }
  }
  t.diagnostic(`${acked.length} notes fitted after the disk filled; ${unparsable.length} torn line(s) left by short writes`);
  assert.deepEqual(parsed, all, 'every note once, in the order recorded, each on a line of its own');
  // A torn line (from a short write) stands alone: no whole event is glued to its end.
  for (const line of unparsable) {
    for (let at = line.indexOf('{"v":', 1); at > 0; at = line.indexOf('{"v":', at + 1)) {
      assert.throws(() => JSON.parse(line.slice(at)), `a whole event merged onto a torn line: ${line.slice(0, 80)}…`);
    }
  }
  const reread = readJournal(incident.path, false);
  assert.equal(reread.warnings.filter((w) => /unreadable line/.test(w)).length, unparsable.length, 'each torn line reported');
  await waitFor(async () => (await bo.notes()).includes('held third'), {
    timeoutMs: 10_000,
    what: 'the other console to see the notes once saved',
  });
});

test('full disk: a console opening an incident whose last line is torn starts, leaving the line in place and saying so', { skip }, async (t) => {
  const disk = smallDisk(t);
  const incident = openIncident(disk.path, { title: 'torn and full', severity: 'P2', operator: 'parent', follow: false });
  incident.close();
  appendFileSync(incident.path, '{"v":1,"id":"torn","ts":17');
  const filler = disk.fill();
  t.after(() => rmSync(filler, { force: true }));
  const resumed = resumeIncident(disk.path, incident.id, { operator: 'ana', follow: false, retryMs: 50 });
  t.after(() => resumed.close());
  assert.match(resumed.warnings.join('\n'), /torn last line \(\d+ bytes at byte \d+\) left in place \(could not copy it to journal\.jsonl\.corrupt: ENOSPC\)/);
  rmSync(filler);
  assert.ok(resumed.record('note', { text: 'after the torn line' }), 'written once there is room');
  const last = readFileSync(incident.path, 'utf8').trimEnd().split('\n');
  assert.equal(last.at(-2), '{"v":1,"id":"torn","ts":17', 'the torn line stands alone');
  assert.equal((JSON.parse(last.at(-1)!) as { data: { text: string } }).data.text, 'after the torn line');
});
