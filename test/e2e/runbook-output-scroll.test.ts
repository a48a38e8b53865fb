// A runbook step's output is read whole, in a real terminal (tmux) at 80x24: `seq 1 200` shows its
// newest lines, PgUp (three in one write) goes back to lines far above them, PgDn comes forward,
// G returns to the newest; the rule above the output says which rows are shown.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { KEY_BYTES, TmuxSession, tmuxMissing, warroomShellLine } from '../helpers/tmux.js';

const missing = tmuxMissing();

const RUNBOOK = ['# Counting', '', '## Count', '', '1. Count to two hundred', '   ```bash', '   seq 1 200', '   ```', ''].join('\n');

/** The rows the output view's rule says it shows. */
function shownRows(screen: string): [number, number] | null {
  const m = / rows (\d+)-(\d+) of 200 /.exec(screen);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

test('80x24: the output of seq 1 200 scrolls back with PgUp, on with PgDn, and G returns to its newest line', { skip: missing ?? false }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-e2e-scroll-'));
  mkdirSync(join(dir, 'runbooks'));
  writeFileSync(join(dir, 'runbooks', 'count.md'), RUNBOOK);
  writeFileSync(join(dir, 'warroom.yaml'), ['incident:', '  title: Counting', '  runbook: runbooks/count.md', ''].join('\n'));
  const tmux = TmuxSession.start(warroomShellLine('open --as scroll'), { columns: 80, rows: 24, cwd: dir, env: { HOME: dir } });
  try {
    await tmux.waitForScreen((s) => /§ \d+\/\d+ Count/.test(s), 'the runbook open');
    tmux.writeRaw('4z');
    await tmux.waitForScreen((s) => s.includes('▶4 Runbook') && !s.includes('1 Status'), 'the runbook zoomed');
    tmux.writeRaw(KEY_BYTES.enter);
    await tmux.waitForScreen((s) => s.includes('Proceed? y / N'), 'the confirmation');
    tmux.writeRaw('y');
    let screen = await tmux.waitForScreen((s) => s.includes('✓ exit 0') && shownRows(s)?.[1] === 200, 'the run done, its newest rows shown');
    assert.match(screen, /^║200\s*║$/m, `the newest line at the bottom:\n${screen}`);

    tmux.writeRaw(KEY_BYTES.pageUp.repeat(3));
    // Three keys in one read are three pages; the screen may be captured between their frames,
    // so wait for the third (a key lost would leave this waiting, and failing).
    screen = await tmux.waitForScreen((s) => {
      const rows = shownRows(s);
      return rows !== null && rows[1] <= 200 - 3 * (rows[1] - rows[0]);
    }, 'the output scrolled back three pages');
    const [from, to] = shownRows(screen)!;
    assert.ok(to <= 200 - 3 * (to - from), `three pages back (rows ${from}-${to}):\n${screen}`);
    assert.match(screen, new RegExp(`^║${to}\\s*║$`, 'm'), `line ${to} is on screen:\n${screen}`);
    assert.doesNotMatch(screen, /^║200\s*║$/m);

    tmux.writeRaw(KEY_BYTES.pageDown);
    screen = await tmux.waitForScreen((s) => (shownRows(s)?.[1] ?? 0) > to, 'a page on');

    tmux.writeRaw('G');
    screen = await tmux.waitForScreen((s) => shownRows(s)?.[1] === 200, 'back to the newest');
    assert.match(screen, /^║200\s*║$/m);
  } finally {
    tmux.kill();
  }
});
