// The journal never writes into the void: two running consoles (separate processes) keep
// appending to the file the path names when an editor replaces it (temp file + rename, as vim
// and `sed -i` do), when it is deleted (even with its folder), and when it is cut short in place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openIncident } from '../../src/timeline/incidents.js';
import { waitFor } from '../helpers/wait-for.js';
import { JournalProcess } from './journal-process.js';

interface Line {
  id: string;
  kind: string;
  data: { text?: string };
}

/** The journal file's events, every non-empty line parsed (a line that does not parse fails the test). */
function linesOf(path: string): Line[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Line);
}

/** Note texts on disk, in file order. */
function notesOnDisk(path: string): string[] {
  return linesOf(path).filter((e) => e.kind === 'note').map((e) => e.data.text ?? '');
}

async function twoConsoles(t: { after: (fn: () => Promise<void>) => void }) {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-replaced-'));
  const incident = openIncident(dir, { title: 'replaced journal', severity: 'P2', operator: 'parent', follow: false });
  incident.close();
  const ana = JournalProcess.start(dir, incident.id, 'ana');
  const bo = JournalProcess.start(dir, incident.id, 'bo');
  t.after(async () => {
    await ana.quit();
    await bo.quit();
  });
  return { dir, path: incident.path, folder: incident.dir, ana, bo };
}

async function sees(console: JournalProcess, texts: string[], who: string): Promise<void> {
  await waitFor(async () => {
    const notes = await console.notes();
    return texts.every((text) => notes.includes(text));
  }, { timeoutMs: 10_000, what: `${who} to see ${texts.join(', ')}` });
}

test('replaced by rename under two running consoles: both move to the new file and what the editor missed is carried over', async (t) => {
  const { path, ana, bo } = await twoConsoles(t);
  assert.ok((await ana.ask<{ id: string }>('note before the edit')).id);
  await sees(bo, ['before the edit'], 'bo');

  // An editor's save: a copy taken now, renamed over the journal later. Bo's note lands in the
  // old file in between: without the inode check it would be in a file nobody reads.
  const copy = readFileSync(path);
  assert.ok((await bo.ask<{ id: string }>('note while the editor had it open')).id);
  writeFileSync(`${path}.swp`, copy);
  renameSync(`${path}.swp`, path);

  assert.ok((await ana.ask<{ id: string }>('note after the save')).id);
  assert.ok((await bo.ask<{ id: string }>('note from bo after the save')).id);
  const expected = ['before the edit', 'while the editor had it open', 'after the save', 'from bo after the save'];
  assert.deepEqual(notesOnDisk(path), expected, 'every note in the file the path names, once, in order');
  await sees(ana, expected, 'ana');
  await sees(bo, expected, 'bo');
  const warnings = [...(await ana.ask<string[]>('warnings')), ...(await bo.ask<string[]>('warnings'))].join('\n');
  assert.match(warnings, /journal\.jsonl was replaced by another program: now writing to the new file \(1 event it lacked written into it\)/);
});

test('sed -i (a real temp file + rename) edits a line: the edit is kept, later notes land in the edited file', async (t) => {
  const { path, ana, bo } = await twoConsoles(t);
  await ana.ask('note token hunter2 pasted by mistake');
  execFileSync('sed', ['-i', 's/hunter2/[removed by hand]/', path]);
  await ana.ask('note first after sed');
  await bo.ask('note second after sed');
  assert.deepEqual(notesOnDisk(path), ['token [removed by hand] pasted by mistake', 'first after sed', 'second after sed']);
  await sees(bo, ['first after sed'], 'bo');
  await sees(ana, ['second after sed'], 'ana');
});

test('deleted, folder and all: the next write recreates it from the console\'s copy; an idle console notices too', async (t) => {
  const { path, folder, ana, bo } = await twoConsoles(t);
  await ana.ask('note one');
  await sees(bo, ['one'], 'bo');
  // Moved away in one step, then removed: a plain rm -rf races with the idle console putting
  // the folder back while it is still deleting (and fails with ENOTEMPTY).
  renameSync(folder, `${folder}.gone`);
  rmSync(`${folder}.gone`, { recursive: true, force: true });
  assert.ok((await ana.ask<{ id: string }>('note after rm -rf')).id);
  assert.deepEqual(linesOf(path).map((e) => e.kind), ['incident.opened', 'note', 'note'], 'the whole journal written back once');
  assert.deepEqual(notesOnDisk(path), ['one', 'after rm -rf']);
  await sees(bo, ['after rm -rf'], 'bo');
  assert.ok((await bo.ask<{ id: string }>('note bo after rm -rf')).id);
  assert.deepEqual(notesOnDisk(path), ['one', 'after rm -rf', 'bo after rm -rf']);

  // Nobody writing: the follower's tick finds the file gone and puts it back on its own.
  rmSync(path);
  await waitFor(() => {
    try {
      return notesOnDisk(path).length === 3;
    } catch {
      return false;
    }
  }, { timeoutMs: 10_000, what: 'an idle console to recreate the deleted journal' });
  // Whichever console noticed first put it back; the other found it replaced (by that one).
  const warnings = [...(await ana.ask<string[]>('warnings')), ...(await bo.ask<string[]>('warnings'))].join('\n');
  assert.match(warnings, /journal\.jsonl was deleted: recreated from this console's copy/);
  const ids = linesOf(path).map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length, 'no event written back twice');
});

test('cut short in place (: > journal.jsonl): what it lost is written back', async (t) => {
  const { path, ana, bo } = await twoConsoles(t);
  await ana.ask('note kept through truncation');
  await sees(bo, ['kept through truncation'], 'bo');
  truncateSync(path, 0);
  await waitFor(() => notesOnDisk(path).includes('kept through truncation'), { timeoutMs: 10_000, what: 'the lost notes written back' });
  await bo.ask('note after truncation');
  const ids = linesOf(path).map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length, 'no event twice');
  assert.deepEqual(notesOnDisk(path), ['kept through truncation', 'after truncation']);
});
