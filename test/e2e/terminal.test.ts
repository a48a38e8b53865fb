// The console in tmux as a person uses it: resizing reflows the layout with nothing left over,
// and Escape (which tmux delays to tell it from Alt-keys) still closes what it should.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { TmuxSession, tmuxMissing } from '../helpers/tmux.js';
import { waitFor } from '../helpers/wait-for.js';

const bin = fileURLToPath(new URL('../../bin/warroom.js', import.meta.url));
const missing = tmuxMissing();

function startDemo(columns: number, rows: number): TmuxSession {
  const cwd = mkdtempSync(join(tmpdir(), 'warroom-e2e-'));
  return TmuxSession.start(`${process.execPath} ${bin} demo; sleep 120`, { columns, rows, cwd });
}

/** Lines of the screen that have anything on them. */
function usedLines(screen: string): string[] {
  return screen.split('\n').filter((line) => line.trim() !== '');
}

test('resizing reflows grid to stack and back, leaving nothing behind', { skip: missing ?? false }, async () => {
  const tmux = startDemo(140, 40);
  try {
    // Wide: two panes side by side on one line, the logs across the full width below them.
    const grid = (s: string) => /1 Status.*(3 Metrics|4 Runbook)/.test(s) && /^[┌╔][─═][ ▶]2 Logs [─═]{100}/m.test(s);
    await tmux.waitForScreen(grid, 'the two columns above the logs');
    tmux.resize(80, 24);
    const narrow = await tmux.waitForScreen(
      (s) => !/1 Status.*(3 Metrics|4 Runbook)/.test(s) && s.includes('4 Runbook') && usedLines(s).length <= 23,
      'the stacked layout',
    );
    for (const line of narrow.split('\n')) assert.ok(line.length <= 80, `line wider than 80: ${line}`);
    // Nothing of the old grid's bottom half (rows 24-40) may remain once the terminal grows again.
    tmux.resize(140, 40);
    // Two columns above the logs again.
    const wide = await tmux.waitForScreen((s) => grid(s) && s.includes('3 Metrics') && s.includes('4 Runbook'), 'the two columns above the logs again');
    assert.equal(wide.match(/4 Runbook/g)?.length, 1, 'one runbook pane, no leftovers');
    assert.equal(wide.match(/INC-/g)?.length, 1, 'one header, no leftovers');
  } finally {
    tmux.kill();
  }
});

test('Escape closes the help overlay inside tmux', { skip: missing ?? false }, async () => {
  const tmux = startDemo(120, 40);
  try {
    await tmux.waitForScreen((s) => s.includes('4 Runbook'), 'the console');
    tmux.send('?');
    await tmux.waitForScreen((s) => s.includes('Help: keys and : commands'), 'the help overlay');
    tmux.send('Escape');
    await tmux.waitForScreen((s) => !s.includes('Help: keys') && s.includes('4 Runbook'), 'help closed by Escape');
    tmux.send('z');
    await tmux.waitForScreen((s) => !s.includes('4 Runbook'), 'zoomed');
    tmux.send('Escape');
    await tmux.waitForScreen((s) => s.includes('4 Runbook'), 'Escape unzooms');
    tmux.send('q');
  } finally {
    tmux.kill();
  }
});

test('a hang-up (the tmux server killed, as when an SSH session drops) ends warroom with the timeline closed', { skip: missing ?? false }, async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'warroom-e2e-'));
  const tmux = TmuxSession.start(`${process.execPath} ${bin} demo`, { columns: 100, rows: 30, cwd });
  await tmux.waitForScreen((s) => s.includes('4 Runbook'), 'the console');
  // tmux starts the command through `sh -c`: warroom is the shell's child (or the shell itself after exec).
  const panePid = Number(tmux.tmux(['display-message', '-p', '-t', 'main', '#{pane_pid}']).trim());
  let children = '';
  try {
    children = readFileSync(`/proc/${panePid}/task/${panePid}/children`, 'utf8').trim();
  } catch {
    // no children file: the pane's process is warroom itself
  }
  const pid = Number(children.split(/\s+/)[0] || panePid);
  tmux.kill();
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  await waitFor(() => !alive(), { timeoutMs: 20_000, what: `warroom (pid ${pid}) to exit after the hang-up` });
  const dir = join(cwd, '.warroom', 'incidents');
  const [incident] = readdirSync(dir);
  const last = readFileSync(join(dir, incident!, 'journal.jsonl'), 'utf8').trim().split('\n').at(-1)!;
  assert.equal((JSON.parse(last) as { kind: string }).kind, 'operator.left');
});
