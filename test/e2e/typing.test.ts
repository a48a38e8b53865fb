// Typing into the console as a slow link delivers it, in a real terminal (tmux): several keys in
// ONE write, so warroom gets them in one read. Found broken that way: three Backspaces in one
// read were inserted as three spaces (a note typed `abcdefXYZ`, three Backspaces, `ok` was
// journalled as "abcdefXYZ   ok"), and an Enter inside a read became a space (a burst of `:note
// x-N` lines was one note). What the operator typed must be exactly what is recorded. Also
// bracketed paste: text only, never a submit and never a console key.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { KEY_BYTES as K, TmuxSession, tmuxMissing, warroomExitCode, warroomShellLine } from '../helpers/tmux.js';

const missing = tmuxMissing();
const folders: string[] = [];
after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A folder with a one-check config; warroom keeps its incident there. */
function incidentFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-e2e-typing-'));
  folders.push(dir);
  writeFileSync(
    join(dir, 'warroom.yaml'),
    [
      'incident:', '  title: typing drill', 'services:', '  - name: api', '    checks:', '      - command: "true"', '        interval: 2s',
      '    actions:', '      restart:', "        run: 'echo restarted'", '',
    ].join('\n'),
  );
  return dir;
}

/** The incident's journal events, in order. */
function events(dir: string): { kind: string; data: { text?: string } }[] {
  const incidents = join(dir, '.warroom', 'incidents');
  const [id] = readdirSync(incidents);
  return readFileSync(join(incidents, id!, 'journal.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { kind: string; data: { text?: string } });
}

/** The texts of the incident's notes, in order. */
function notes(dir: string): string[] {
  return events(dir)
    .filter((event) => event.kind === 'note')
    .map((event) => event.data.text!);
}

const consoleDrawn = (s: string) => s.includes('4 Runbook') && /api .*✔ UP/.test(s);

// One console for the whole file: each test types into it and reads the journal back.
let tmux: TmuxSession;
let dir: string;
before(async () => {
  if (missing) return;
  dir = incidentFolder();
  tmux = TmuxSession.start(warroomShellLine('open --as typist'), { columns: 100, rows: 30, cwd: dir });
  await tmux.waitForScreen(consoleDrawn, 'the console');
});
after(() => tmux?.kill());

/** Waits until the journal holds `count` notes and returns them. */
async function notesReach(count: number, what: string): Promise<string[]> {
  let last: string[] = [];
  await tmux.waitForScreen(() => (last = notes(dir)).length >= count, `${what} (notes so far: ${JSON.stringify(last)})`);
  return last;
}

test('three Backspaces in one read delete three characters: abcdefXYZ ⌫⌫⌫ ok is journalled "abcdefok"', { skip: missing ?? false }, async () => {
  const before = notes(dir).length;
  tmux.send('n');
  await tmux.waitForScreen((s) => s.includes('note>'), 'the note prompt');
  tmux.writeRaw(`abcdefXYZ${K.backspace.repeat(3)}ok${K.enter}`);
  const all = await notesReach(before + 1, 'the note');
  assert.equal(all.at(-1), 'abcdefok');
});

test('a burst of ":note x-N" lines in one write is N notes, in order', { skip: missing ?? false }, async () => {
  const before = notes(dir).length;
  const lines = [1, 2, 3, 4, 5].map((n) => `:note x-${n}${K.enter}`).join('');
  tmux.writeRaw(lines);
  const all = await notesReach(before + 5, 'five notes');
  assert.deepEqual(all.slice(before), ['x-1', 'x-2', 'x-3', 'x-4', 'x-5']);
  assert.ok(consoleDrawn(tmux.screen()), 'no prompt left open');
});

test('the key that opens a prompt, the text and Enter in one write: n, then the note', { skip: missing ?? false }, async () => {
  const before = notes(dir).length;
  tmux.writeRaw(`ntodo: call the DBA${K.enter}`);
  const all = await notesReach(before + 1, 'the note');
  assert.equal(all.at(-1), 'todo: call the DBA');
});

test('arrows, Home, End, Delete and Ctrl keys in one read edit the line where the cursor is', { skip: missing ?? false }, async () => {
  const before = notes(dir).length;
  // The command line holds "note helo wrld" (cursor at the end) after the first piece.
  const keys = [
    ':note helo wrld',
    K.left.repeat(3), 'o', // before "rld": "note helo world"
    K.home, K.right.repeat(8), 'l', // after "note hel": "note hello world"
    K.end, ' xx', K.backspace.repeat(3), // typed and rubbed out again
    K.ctrl('a'), K.delete.repeat(5), 'note ', // to the start, "note " deleted forward, typed back
    K.enter,
  ].join('');
  tmux.writeRaw(keys);
  const all = await notesReach(before + 1, 'the edited note');
  assert.equal(all.at(-1), 'hello world');
});

test('Esc then more keys in one read: the prompt is dropped, the next command runs', { skip: missing ?? false }, async () => {
  const before = notes(dir).length;
  tmux.writeRaw(`nnever saved${K.escape}:note after escape${K.enter}`);
  const all = await notesReach(before + 1, 'the note after Esc');
  assert.equal(all.at(-1), 'after escape');
  assert.ok(!all.includes('never saved'));
});

test('a bracketed paste into the note prompt is text: its lines never submit; Enter saves one note per line', { skip: missing ?? false }, async () => {
  const before = notes(dir).length;
  tmux.send('n');
  await tmux.waitForScreen((s) => s.includes('note>'), 'the note prompt');
  tmux.paste('13:05 first pasted line\nsecond \x1b[31mred\x1b[0m line\n');
  await tmux.waitForScreen((s) => s.includes('note (+2 lines)>'), 'both lines held in the prompt');
  assert.equal(notes(dir).length, before, 'nothing saved by the paste');
  tmux.send('Enter');
  const all = await notesReach(before + 2, 'the pasted notes');
  assert.deepEqual(all.slice(before), ['first pasted line', 'second red line']);
});

test('a paste outside a prompt fires no console key (not q, not ?, not :)', { skip: missing ?? false }, async () => {
  tmux.paste('?q:quit\n');
  await tmux.waitForScreen((s) => s.includes('paste ignored'), 'the paste refused');
  const screen = tmux.screen();
  assert.ok(consoleDrawn(screen) && !screen.includes('Help: keys and : commands') && !screen.includes('warroom exited'), screen);
});

test('a paste into the command line never runs it; Enter does', { skip: missing ?? false }, async () => {
  const before = notes(dir).length;
  tmux.send(':');
  await tmux.waitForScreen((s) => s.split('\n').some((line) => line.startsWith(':')), 'the command line');
  tmux.paste('note pasted\ncommand\n');
  await tmux.waitForScreen((s) => s.includes(':note pasted command'), 'the pasted text on one line');
  assert.equal(notes(dir).length, before);
  tmux.send('Enter');
  const all = await notesReach(before + 1, 'the note');
  assert.equal(all.at(-1), 'pasted command');
});

test('R and y in one read do not restart: a y typed before the question was on screen answers nothing', { skip: missing ?? false }, async () => {
  tmux.writeRaw('Ry');
  await tmux.waitForScreen((s) => s.includes('restart api?') && s.includes('Proceed? y / N'), 'the restart confirmation');
  // The y of that read is spent; the question stays until a y typed after it was drawn.
  tmux.writeRaw('1');
  await tmux.waitForScreen((s) => s.includes('restart api?'), 'the question still open');
  // The dialog shows the command (`$ echo restarted`), so the journal says whether it ran.
  assert.ok(!events(dir).some((event) => event.kind === 'action.started'), 'nothing ran');
  assert.ok(!tmux.screen().includes('succeeded restart api'), 'nothing ran (screen)');
  tmux.send('y');
  await tmux.waitForScreen((s) => s.includes('✔ succeeded restart api'), 'the restart once y came after the question');
  tmux.send('Escape');
  await tmux.waitForScreen((s) => consoleDrawn(s) && !s.includes('✔ succeeded restart api'), 'the output closed');
});

test('Ctrl-C in a prompt closes it; Ctrl-C again quits', { skip: missing ?? false }, async () => {
  tmux.send('n');
  await tmux.waitForScreen((s) => s.includes('note>'), 'the note prompt');
  tmux.writeRaw(`half a thought${K.ctrl('c')}`);
  await tmux.waitForScreen((s) => !s.includes('note>') && consoleDrawn(s), 'the prompt closed');
  assert.ok(!notes(dir).includes('half a thought'));
  tmux.send('C-c');
  assert.equal(await warroomExitCode(tmux), 0);
});
