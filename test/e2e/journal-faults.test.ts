// The journal's faults as the operator meets them, in tmux at 80x24: on a full disk a note is
// not "added": the footer says it is held and a red banner stays up (with the header's badge)
// until space is back; then the note is saved and shown. A journal replaced under the console
// (temp file + rename, as an editor saves) is said loudly, and the next note lands in the new file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJournal } from '../../src/timeline/journal-file.js';
import { mountSmallDisk, type SmallDisk } from '../helpers/small-disk.js';
import { TmuxSession, tmuxMissing, warroomExitCode, warroomShellLine } from '../helpers/tmux.js';
import { waitFor } from '../helpers/wait-for.js';

function diskMissing(): string | false {
  const probe = mountSmallDisk(64);
  if (typeof probe === 'string') return probe;
  probe.unmount();
  return false;
}
const missing = tmuxMissing() ?? diskMissing();

function writeConfig(dir: string, timelineDir: string): string {
  const path = join(dir, 'warroom.yaml');
  writeFileSync(path, ['incident:', '  title: Journal drill', 'timeline:', `  dir: ${timelineDir}`, ''].join('\n'));
  return path;
}

function journalPath(timelineDir: string): string {
  const [incident] = readdirSync(timelineDir);
  return join(timelineDir, incident!, 'journal.jsonl');
}

/** Note texts on disk, read as every reader does (a torn line is skipped and reported). */
function notesIn(path: string): string[] {
  return readJournal(path, false).events.filter((e) => e.kind === 'note').map((e) => String(e.data.text));
}

/** The screen line holding `text`, with its escape sequences. */
function styledLine(tmux: TmuxSession, text: string): string {
  return tmux.screen(true).split('\n').find((line) => line.includes(text)) ?? '';
}

test('full disk in the console: held, not "added"; a red banner until space is back; then saved and shown', { skip: missing || false, timeout: 120_000 }, async (t) => {
  const disk = mountSmallDisk(256) as SmallDisk;
  t.after(() => disk.unmount());
  const dir = mkdtempSync(join(tmpdir(), 'warroom-e2e-journal-'));
  const timelineDir = join(disk.path, 'incidents');
  // FORCE_COLOR: this test reads the banner's colour back; whether colour is on by default in
  // tmux is the colour tests' business.
  const tmux = TmuxSession.start(warroomShellLine(`open --config ${writeConfig(dir, timelineDir)} --as ana`), { columns: 80, rows: 24, cwd: dir, env: { FORCE_COLOR: '1' } });
  t.after(() => tmux.kill());
  await tmux.waitForScreen((s) => s.includes('ana') && s.includes('No checks configured.'), 'the console, started');
  const filler = disk.fill();

  // Bigger than a page, so it cannot fit in what is left of the journal's last one (words, not
  // one long run of letters, which the redactor would take for a token and shorten).
  const note = `disk drill ${'the disk is full '.repeat(260)}end`;
  tmux.type(`:note ${note}`);
  tmux.send('Enter');
  await tmux.waitForScreen((s) => s.includes('NOT saved yet: journal not writable'), 'the footer saying the note is held');
  assert.ok(!tmux.screen().includes('note added'));
  const banner = await tmux.waitForScreen((s) => /journal not writable: 1 event held, retrying \(ENOSPC/.test(s), 'the persistent banner', 30_000);
  assert.match(banner.split('\n')[0]!, /✖ 1 NOT SAVED/, 'the header says it too');
  assert.match(styledLine(tmux, 'journal not writable: 1 event'), /\x1b\[[0-9;]*31[;m]/, 'the banner is red');
  assert.ok(!notesIn(journalPath(timelineDir)).some((n) => n.startsWith('disk drill')), 'nothing on disk yet');

  // Still up a while later (it is a state, not a message that times out).
  tmux.type(':note second while full');
  tmux.send('Enter');
  await tmux.waitForScreen((s) => /journal not writable: 2 events held/.test(s), 'the banner counting both');
  // Quitting now would lose them: the console asks first.
  tmux.send('q');
  await tmux.waitForScreen((s) => s.includes('2 timeline events not on disk yet'), 'the quit confirmation naming the held events');
  tmux.send('n');
  await tmux.waitForScreen((s) => !s.includes('not on disk yet') && s.includes('No checks configured.'), 'the confirmation declined');

  rmSync(filler);
  await tmux.waitForScreen((s) => !s.includes('journal not writable') && !s.includes('NOT SAVED'), 'the banner gone once space is back', 30_000);
  assert.deepEqual(notesIn(journalPath(timelineDir)), [note, 'second while full']);
  tmux.send('T');
  await tmux.waitForScreen((s) => s.includes('second while full'), 'the saved note shown in the timeline');
  tmux.send('q');
  assert.equal(await warroomExitCode(tmux), 0);
});

test('journal replaced under the console (editor save): said loudly, and the next note lands in the new file', { skip: tmuxMissing() ?? false, timeout: 120_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-e2e-journal-'));
  const timelineDir = join(dir, 'incidents');
  const tmux = TmuxSession.start(warroomShellLine(`open --config ${writeConfig(dir, timelineDir)} --as ana`), { columns: 80, rows: 24, cwd: dir });
  t.after(() => tmux.kill());
  await tmux.waitForScreen((s) => s.includes('ana') && s.includes('No checks configured.'), 'the console, started');
  const path = journalPath(timelineDir);
  await waitFor(() => readFileSync(path, 'utf8').includes('operator.joined'), { what: 'the console to join' });
  writeFileSync(`${path}.tmp`, readFileSync(path));
  renameSync(`${path}.tmp`, path);
  await tmux.waitForScreen((s) => s.includes('journal.jsonl was replaced by another program'), 'the warning on screen');
  tmux.type(':note after the editor saved');
  tmux.send('Enter');
  await tmux.waitForScreen((s) => s.includes('note added'), 'the note added');
  assert.deepEqual(notesIn(path), ['after the editor saved']);
  tmux.send('q');
  assert.equal(await warroomExitCode(tmux), 0);
  assert.match(readFileSync(path, 'utf8').trimEnd().split('\n').at(-1)!, /"kind":"operator.left"/);
});
