// Reopening the console during an incident, in a real terminal, as it was found broken: `warroom
// open` on an incident still open asks "Continue it? [Y/n]"; after the answer (Enter, or n) the
// console drew but no key reached it (stdin had stopped reading), so only `kill` ended it. Each
// answer here is followed by keys that must work: `?` help, `n` a note, and quitting with q or
// Ctrl-C. Ctrl-C at the question itself leaves without opening anything.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { KEY_BYTES, TmuxSession, tmuxMissing, warroomExitCode, warroomShellLine } from '../helpers/tmux.js';

const missing = tmuxMissing();
const folders: string[] = [];
after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A folder with a one-check config, where `warroom open` keeps its incidents. */
function incidentFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-e2e-resume-'));
  folders.push(dir);
  writeFileSync(
    join(dir, 'warroom.yaml'),
    ['incident:', '  title: resume drill', 'services:', '  - name: api', '    checks:', '      - command: "true"', '        interval: 2s', ''].join('\n'),
  );
  return dir;
}

function incidents(dir: string): string[] {
  return readdirSync(join(dir, '.warroom', 'incidents')).sort();
}

/** The kinds and texts of an incident's journal, in order. */
function journal(dir: string, id: string): { kind: string; data: Record<string, unknown> }[] {
  return readFileSync(join(dir, '.warroom', 'incidents', id, 'journal.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { kind: string; data: Record<string, unknown> });
}

function openConsole(dir: string): TmuxSession {
  return TmuxSession.start(warroomShellLine('open --as resumer'), { columns: 100, rows: 30, cwd: dir });
}

const consoleDrawn = (s: string) => s.includes('4 Runbook') && /api .*✔ UP/.test(s);

/** The keys that were dead: ? opens and Esc closes help, n takes a note typed in one write. */
async function keysWork(tmux: TmuxSession, note: string): Promise<void> {
  tmux.send('?');
  await tmux.waitForScreen((s) => s.includes('Help: keys and : commands'), 'the help overlay after ?');
  tmux.send('Escape');
  await tmux.waitForScreen((s) => !s.includes('Help: keys and : commands') && consoleDrawn(s), 'help closed');
  tmux.send('n');
  await tmux.waitForScreen((s) => s.includes('note>'), 'the note prompt after n');
  tmux.writeRaw(`${note}${KEY_BYTES.enter}`);
  await tmux.waitForScreen((s) => s.includes('note added'), 'the note added');
}

test('after "Continue it?" answered with Enter, the keyboard works in the resumed incident', { skip: missing ?? false, timeout: 120_000 }, async () => {
  const dir = incidentFolder();
  const first = openConsole(dir);
  try {
    await first.waitForScreen(consoleDrawn, 'the console');
    first.send('q');
    assert.equal(await warroomExitCode(first), 0);
  } finally {
    first.kill();
  }
  const [id] = incidents(dir);

  const second = openConsole(dir);
  try {
    await second.waitForScreen((s) => s.includes(`Incident ${id} is still open. Continue it? [Y/n]`), 'the question');
    // The keyboard died only when warroom had loaded everything before the answer came, as it
    // has when a person reads the question first: answer once it is idle.
    await second.waitForIdle('warroom waiting for the answer');
    second.send('Enter');
    await second.waitForScreen((s) => consoleDrawn(s) && /^(INC-\S+)/.exec(s)?.[1] === id, 'the same incident in the console');
    await keysWork(second, 'resumed and typing');
    second.send('q');
    assert.equal(await warroomExitCode(second), 0);
  } finally {
    second.kill();
  }
  assert.deepEqual(incidents(dir), [id], 'no second incident');
  const events = journal(dir, id!);
  assert.deepEqual(events.filter((e) => e.kind === 'note').map((e) => e.data.text), ['resumed and typing']);
  assert.equal(events.filter((e) => e.kind === 'operator.joined').length, 2);
  assert.equal(events.at(-1)?.kind, 'operator.left');
});

test('after "Continue it?" answered n, the new incident has a working keyboard and Ctrl-C quits', { skip: missing ?? false, timeout: 120_000 }, async () => {
  const dir = incidentFolder();
  const first = openConsole(dir);
  try {
    await first.waitForScreen(consoleDrawn, 'the console');
    first.send('q');
    assert.equal(await warroomExitCode(first), 0);
  } finally {
    first.kill();
  }
  const [old] = incidents(dir);

  const second = openConsole(dir);
  try {
    await second.waitForScreen((s) => s.includes('Continue it? [Y/n]'), 'the question');
    await second.waitForIdle('warroom waiting for the answer');
    second.send('n', 'Enter');
    // A new incident opened in the same minute is the old id plus a suffix (`-2`).
    await second.waitForScreen((s) => consoleDrawn(s) && /^(INC-\S+)/.exec(s)?.[1] !== old, 'a new incident in the console');
    await keysWork(second, 'a new incident');
    second.send('C-c');
    assert.equal(await warroomExitCode(second), 0);
  } finally {
    second.kill();
  }
  const ids = incidents(dir);
  assert.equal(ids.length, 2);
  const fresh = ids.find((id) => id !== old)!;
  assert.deepEqual(journal(dir, fresh).filter((e) => e.kind === 'note').map((e) => e.data.text), ['a new incident']);
  assert.equal(journal(dir, fresh).at(-1)?.kind, 'operator.left');
});

test('Ctrl-C at "Continue it?" leaves without opening anything, no stack trace', { skip: missing ?? false, timeout: 120_000 }, async () => {
  const dir = incidentFolder();
  const first = openConsole(dir);
  try {
    await first.waitForScreen(consoleDrawn, 'the console');
    first.send('q');
    assert.equal(await warroomExitCode(first), 0);
  } finally {
    first.kill();
  }
  const before = incidents(dir);
  const lengthBefore = journal(dir, before[0]!).length;

  const second = openConsole(dir);
  try {
    await second.waitForScreen((s) => s.includes('Continue it? [Y/n]'), 'the question');
    second.send('C-c');
    assert.equal(await warroomExitCode(second), 130);
    const screen = second.screen();
    assert.match(screen, /warroom: no answer \(Ctrl-C\): nothing was opened/);
    assert.doesNotMatch(screen, /\n\s+at /, 'no stack trace');
  } finally {
    second.kill();
  }
  assert.deepEqual(incidents(dir), before);
  assert.equal(journal(dir, before[0]!).length, lengthBefore, 'nothing recorded');
});
