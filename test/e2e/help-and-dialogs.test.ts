// The help overlay and the confirmations in a real terminal (tmux), the way they were found
// broken: help that could not scroll at 80x24 ("54 more lines: widen the terminal"), was cut at
// 120x40 and collided with itself at 200x50; confirmations that cut the command being approved.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { TmuxSession, tmuxMissing, warroomShellLine } from '../helpers/tmux.js';

const missing = tmuxMissing();
const folders: string[] = [];
after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function workFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-e2e-dialogs-'));
  folders.push(dir);
  return dir;
}

/** The text inside the dialog's double border, row by row (border and padding removed). */
function dialogRows(screen: string): string[] {
  return screen.split('\n').filter((line) => /^║ .* ║$/.test(line)).map((line) => line.slice(2, -2));
}

const noSpace = (text: string) => text.replace(/\s+/g, '');
// The overlay's last row: once it is on screen the rows above it are too (a capture can fall
// between the writes of one frame on a loaded machine, with the title drawn and the rows not).
const helpEnd = 'Esc ? q close';

for (const [columns, rows] of [[80, 24], [120, 40], [200, 50]] as const) {
  test(`help at ${columns}x${rows}: scrolls, shows every : command, nothing cut`, { skip: missing ?? false }, async () => {
    const tmux = TmuxSession.start(warroomShellLine('demo'), { columns, rows, cwd: workFolder() });
    try {
      await tmux.waitForScreen((s) => s.includes('4 Runbook'), 'the console');
      tmux.send('?');
      const first = await tmux.waitForScreen((s) => s.includes('Help: keys and : commands') && s.includes(helpEnd), 'the help overlay');
      assert.ok(!first.includes('widen the terminal'));
      let seen = first;
      if (!first.includes('all shown')) {
        assert.match(first, /lines 1–\d+ of \d+ · ↓ \d+ more/);
        // Three j in ONE write (as over a slow link) are three lines.
        tmux.writeRaw('jjj');
        seen += await tmux.waitForScreen((s) => s.includes('lines 4–') && s.includes(helpEnd), 'three lines down');
        tmux.send('NPage');
        seen += await tmux.waitForScreen((s) => !s.includes('lines 4–') && s.includes('↑') && s.includes(helpEnd), 'a page down');
        // Every page to the end, so every line of help has been on screen whatever its length.
        for (let page = 0; page < 30 && !seen.includes(' · end'); page++) {
          const at = /lines (\d+)–/.exec(tmux.screen())?.[1];
          tmux.send('NPage');
          seen += await tmux.waitForScreen((s) => s.includes(helpEnd) && (s.includes(' · end') || /lines (\d+)–/.exec(s)?.[1] !== at), 'the next page');
        }
        tmux.send('G');
        seen += await tmux.waitForScreen((s) => s.includes(' · end') && s.includes(helpEnd), 'the end of help');
        tmux.send('g');
        await tmux.waitForScreen((s) => s.includes('lines 1–'), 'back to the top');
      }
      for (const usage of [':restart SVC [INST]', ':status-update', ':quit', ':q ', ':note [TIME] TEXT']) assert.ok(seen.includes(usage), `${usage} never shown`);
      // Descriptions wrap instead of being cut or running into the next column.
      assert.ok(!/page next contact \(confirms fir…|fir…Command/.test(seen));
      assert.ok(noSpace(seen).includes(noSpace('page next contact (asks first)')));
      tmux.send('Escape');
      await tmux.waitForScreen((s) => !s.includes('Help: keys') && s.includes('4 Runbook'), 'help closed');
      tmux.send('q');
    } finally {
      tmux.kill();
    }
  });
}

/** A 400+ character pipeline (no destructive words: it is only shown, then cancelled). */
const LONG_COMMAND =
  `curl -s --max-time 5 -H 'Accept: text/plain' "$CHECKOUT_URL/metrics" | grep '^http_requests_total' | grep 'status="5' | ` +
  `awk '{ sum += $NF } END { printf "5xx total: %d\\n", sum }' && node ctl.js reload checkout-api --instance checkout-api-eu-west-1c ` +
  `--drain-timeout 45s --reason "5xx above 20/s since 10:02 (INC-20261203)" && echo reloaded-and-verified-for-every-instance-of-the-service-in-all-regions-end-marker`;

/** A config with two services whose restarts are a 400+ character command and a 60-line script. */
function writeConfig(cwd: string): string {
  const script = Array.from({ length: 60 }, (_, i) => `          echo step-${String(i + 1).padStart(2, '0')} of the maintenance script`);
  const path = join(cwd, 'warroom.yaml');
  writeFileSync(
    path,
    [
      'incident:',
      '  title: long commands drill',
      'services:',
      '  - name: api',
      '    checks:',
      '      - command: "true"',
      '        interval: 2s',
      '    actions:',
      '      restart:',
      '        run: |-',
      `          ${LONG_COMMAND}`,
      '  - name: batch',
      '    checks:',
      '      - command: "true"',
      '        interval: 2s',
      '    actions:',
      '      restart:',
      '        run: |-',
      ...script,
      '',
    ].join('\n'),
  );
  return path;
}

test('confirmations at 80x24: a 400+ character command is shown whole; a 60-line one scrolls and is answered only once read to the end', { skip: missing ?? false, timeout: 120_000 }, async () => {
  assert.ok(LONG_COMMAND.length > 400);
  const cwd = workFolder();
  const config = writeConfig(cwd);
  const tmux = TmuxSession.start(warroomShellLine(`open --config ${config} --as e2e-op`), { columns: 80, rows: 24, cwd });
  try {
    await tmux.waitForScreen((s) => /api .*✔ UP/.test(s) && /batch .*✔ UP/.test(s), 'both checks UP');
    // The board sorts worst first, then config order: api is selected.
    tmux.send('R');
    const long = await tmux.waitForScreen((s) => s.includes('restart api?') && /Proceed\? y \/ N|to confirm/.test(s), 'the restart confirmation');
    const shown = dialogRows(long);
    assert.ok(noSpace(shown.join('')).includes(noSpace(LONG_COMMAND)), `the command is not whole on screen:\n${long}`);
    assert.ok(shown.join('').includes('end-marker'), 'its very end is visible');
    assert.ok(!shown.some((row) => row.includes('…')), 'nothing cut with an ellipsis');
    tmux.send('Escape');
    await tmux.waitForScreen((s) => !s.includes('restart api?'), 'cancelled');

    tmux.send('j');
    await tmux.waitForScreen((s) => /› batch/.test(s), 'batch selected');
    tmux.send('R');
    const top = await tmux.waitForScreen((s) => s.includes('restart batch?') && /↓ \d+ more/.test(s), 'the long confirmation, scrolling');
    assert.ok(!top.includes('Proceed?'), 'no question before the end has been seen');
    tmux.send('y');
    await tmux.waitForScreen((s) => s.includes('Read to the end first'), 'y refused before the end');
    assert.ok(!tmux.screen().includes('running restart batch'), 'nothing ran');
    let seen = '';
    for (let i = 0; i < 80 && !/ · end/.test(tmux.screen()); i++) {
      seen += dialogRows(tmux.screen()).join('\n');
      const position = /lines (\d+)–/.exec(tmux.screen())?.[1];
      tmux.writeRaw('jj');
      await tmux.waitForScreen((s) => / · end/.test(s) || /lines (\d+)–/.exec(s)?.[1] !== position, 'scrolled');
    }
    const end = await tmux.waitForScreen((s) => s.includes(' · end') && s.includes('Proceed? y / N'), 'the end, and the question');
    seen += dialogRows(end).join('\n');
    for (let n = 1; n <= 60; n++) assert.ok(seen.includes(`echo step-${String(n).padStart(2, '0')} of the maintenance script`), `line ${n} was shown whole`);
    tmux.send('y');
    await tmux.waitForScreen((s) => /restart batch/.test(s) && !s.includes('Proceed?'), 'approved and run');
    tmux.send('Escape');
    tmux.send('q');
  } finally {
    tmux.kill();
  }
});
