// The console writes only the cells that changed since the last frame (patches/ink+6.8.0.patch).
// Whatever it skips must already be right on the terminal. Here the console runs in tmux, colour
// on, at 80x24 and 160x48; log lines of every level, of changing lengths and with wide characters
// scroll through it in many small writes while focus and zoom change; then the screen, styles
// included (capture-pane -e), must be cell for cell what a full draw of the same frame shows: a
// resize away and back makes the console clear the screen and draw everything from the top.
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { styledRows, TmuxSession, tmuxMissing, warroomShellLine, type StyledCell } from '../helpers/tmux.js';
import { waitFor } from '../helpers/wait-for.js';

const missing = tmuxMissing();

/** A config with one service whose log file the test writes. */
function writeConfig(dir: string): { config: string; log: string } {
  const log = join(dir, 'app.log');
  writeFileSync(log, '');
  const config = join(dir, 'warroom.yaml');
  writeFileSync(config, [
    'incident:', '  title: Drawing drill', 'timeline:', `  dir: ${join(dir, 'timeline')}`,
    'services:', '  - name: api', '    logs:', `      - file: ${log}`, '',
  ].join('\n'));
  return { config, log };
}

const LEVELS = ['ERROR', 'WARN', 'INFO', 'DEBUG'];

/** Line `n` of round `round`: levels vary, lengths swing from long to short, some wide text. */
function logLine(round: number, n: number): string {
  const level = LEVELS[(n * 7 + round) % LEVELS.length];
  const body = n % 5 === 0 ? `payment 決済 失敗 ${'x'.repeat(n % 90)}` : n % 3 === 0 ? 'ok' : `request ${n} took ${n * 13}ms ${'-'.repeat((n * 31) % 140)}`;
  return `2026-12-03T12:00:00Z ${level} r${round}n${n} ${body}`;
}

/** The screen's cells with the header's elapsed time (it ticks every second) blanked out. */
function cells(captured: string): string[] {
  return styledRows(captured).map((row: StyledCell[], y) =>
    JSON.stringify(y === 0 ? row.map((cell) => (/\d/.test(cell.char) ? { ...cell, char: '#' } : cell)) : row),
  );
}

/** Captures until two captures in a row agree (nothing being drawn just then). */
async function settledScreen(tmux: TmuxSession, what: string): Promise<string> {
  let previous = '';
  return waitFor(() => {
    const now = tmux.styledScreen();
    const settled = now === previous ? now : '';
    previous = now;
    return settled;
  }, { timeoutMs: 30_000, intervalMs: 250, what });
}

for (const [columns, rows] of [[80, 24], [160, 48]] as const) {
  test(`${columns}x${rows}: after many cell-by-cell updates the screen equals a full draw of the same frame`, { skip: missing ?? false, timeout: 180_000 }, async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'warroom-e2e-cells-'));
    const { config, log } = writeConfig(dir);
    const tmux = TmuxSession.start(warroomShellLine(`open --config ${config} --as ana`), { columns, rows, cwd: dir, env: { TERM: 'xterm-256color' } });
    t.after(() => tmux.kill());
    await tmux.waitForScreen((s) => s.includes('No checks configured.') && s.includes('Logs'), 'the console, started');

    let compared = 0;
    // Layout changes drawn incrementally too: the logs pane focused and zoomed, then not, then
    // zoomed again, then another pane focused.
    const keys = [['2', 'z'], ['z'], ['z'], ['1']];
    for (let round = 0; round < keys.length; round++) {
      tmux.send(...keys[round]!);
      // Many small writes, each drawn before the next, so the screen goes through many frames.
      for (let batch = 0; batch < 12; batch++) {
        const lines = Array.from({ length: 7 }, (_, i) => logLine(round, batch * 7 + i));
        appendFileSync(log, lines.map((line) => `${line}\n`).join(''));
        const marker = `r${round}n${batch * 7 + 6} `;
        await tmux.waitForScreen((s) => s.includes(marker) || !s.includes('Logs'), `line ${marker} drawn`, 30_000);
      }
      const incremental = await settledScreen(tmux, 'the screen to settle after the updates');
      assert.match(incremental, /\x1b\[[0-9;]*3[0-9;]*m/, 'colour is on: the comparison covers styles');

      // A resize away and back: the console clears the screen and draws the frame in full.
      tmux.resize(columns + 9, rows + 3);
      await tmux.waitForScreen((s) => s.split('\n').some((line) => line.length > columns), 'the frame for the wider terminal');
      tmux.resize(columns, rows);
      // At 80 columns the header cuts the title to `Drawing…` (the commander and milestone take room).
      await tmux.waitForScreen((s) => s.split('\n').every((line) => line.length <= columns) && s.includes('Drawing'), 'the frame drawn again at the original size');
      const full = await settledScreen(tmux, 'the full redraw to settle');

      const before = cells(incremental);
      const after = cells(full);
      // A second turning over between the two captures changes more than the elapsed time (a
      // per-minute rate, say); only frames with the same content can be compared, so that round
      // is repeated (after a full draw, with new updates).
      if (before.length === after.length && before.every((row, y) => row === after[y])) {
        compared++;
        continue;
      }
      const differing = before.map((row, y) => (row === after[y] ? -1 : y)).filter((y) => y >= 0);
      const onlyTimed = differing.every((y) => y === 0 || /\/min/.test(styledRows(full)[y]!.map((c) => c.char).join('')));
      assert.ok(onlyTimed, `rows ${differing.join(', ')} differ from a full draw:\n--- incremental ---\n${incremental}\n--- full ---\n${full}`);
    }
    assert.ok(compared >= 2, 'at least two rounds compared the incremental screen with a full draw of the same frame');
  });
}
