// Runbook text is read whole at 80 columns, in a real terminal (tmux): a long step wraps under its
// own text, a long command under its `$`, a table's cells are never cut (aligned columns when
// they fit, `header: cell` lines when they do not), and nothing is drawn past the pane's edge.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { drawnPanes, paneTitled } from '../helpers/screen-panes.js';
import { TmuxSession, tmuxMissing, warroomShellLine } from '../helpers/tmux.js';

const missing = tmuxMissing();

const RUNBOOK = [
  '# Cache playbook',
  '',
  '## Cache cold after a deploy',
  '',
  '1. Confirm the hit ratio dropped right after the deploy and not before it, because an earlier drop means the cause is elsewhere entirely',
  '   ```bash',
  '   echo "hit ratio check for the cache tier that sits in front of the catalogue and the checkout read path, all regions"',
  '   ```',
  '2. Warm the cache',
  '',
  '| Tier | What to do when it is cold | Who decides |',
  '|------|----------------------------|-------------|',
  '| edge | Let it warm on its own; it refills from the regional tier within ten minutes, never page for it | nobody |',
  '| regional | Run the warm-up job and watch the origin load; stop it when origin CPU goes past eighty percent | the on-call |',
  '',
].join('\n');

test('80x24: a long step, a long command and a wide table are read whole in the runbook pane', { skip: missing ?? false }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-e2e-wrap-'));
  mkdirSync(join(dir, 'runbooks'));
  writeFileSync(join(dir, 'runbooks', 'cache.md'), RUNBOOK);
  writeFileSync(join(dir, 'warroom.yaml'), ['incident:', '  title: Cache cold', '  runbook: runbooks/cache.md', ''].join('\n'));
  const tmux = TmuxSession.start(warroomShellLine('open --as wrap'), { columns: 80, rows: 24, cwd: dir, env: { HOME: dir } });
  try {
    await tmux.waitForScreen((s) => /§ \d+\/\d+ Cache cold/.test(s), 'the runbook open');
    // Focus the runbook and zoom it, in one write: the whole section in one pane.
    tmux.writeRaw('4z');
    const screen = await tmux.waitForScreen((s) => s.includes('▶4 Runbook') && !s.includes('1 Status') && s.includes('Who decides'), 'the runbook zoomed');
    const pane = paneTitled(drawnPanes(screen), 'Runbook', screen);
    const text = pane.rows.map((row) => row.trim()).join(' ');
    // Every word of the step, the command and each cell is on screen, in order.
    for (const whole of [
      'Confirm the hit ratio dropped right after the deploy and not before it, because an earlier drop means the cause is elsewhere entirely',
      'echo "hit ratio check for the cache tier that sits in front of the catalogue and the checkout read path, all regions"',
      "Let it warm on its own; it refills from the regional tier within ten minutes, never page for it",
      'Run the warm-up job and watch the origin load; stop it when origin CPU goes past eighty percent',
    ]) {
      assert.ok(text.includes(whole), `"${whole}" whole in the pane:\n${screen}`);
    }
    // Wrapped lines hang under their text: the step's second line under its words, not under `[ ]`.
    const step = pane.rows.findIndex((row) => row.includes('[ ] Confirm the hit ratio'));
    assert.ok(step >= 0, screen);
    const textAt = pane.rows[step]!.indexOf('Confirm');
    assert.equal(pane.rows[step + 1]!.search(/\S/), textAt, `the continuation under the step's text:\n${screen}`);
    // Too wide for columns: each row as `header: cell` lines.
    assert.match(text, /• Tier: edge What to do when it is cold: Let it warm/);
    assert.match(text, /Who decides: the on-call/);
    for (const line of screen.split('\n')) assert.ok([...line].length <= 80, `no line past the terminal: ${line}`);
  } finally {
    tmux.kill();
  }
});
